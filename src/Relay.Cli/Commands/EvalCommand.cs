using StealthRelay.Cli.Evaluation;
using StealthRelay.Redaction.Ner;

namespace StealthRelay.Cli.Commands;

/// <summary>
/// <c>relay eval</c>: runs the NER model over labelled files (BIO or JSONL spans) and prints span-level exact-match
/// precision, recall and F1 per entity type and micro-averaged, and how many gold spans redaction would have covered
/// wholly or not at all. Exit code 0 on success, 2 for bad arguments, 1 when
/// the model or a file cannot be read.
/// </summary>
internal static class EvalCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        var arguments = EvalArguments.Parse(args, out var error);
        if (arguments is null)
        {
            if (!string.IsNullOrEmpty(error))
            {
                stderr.WriteLine($"relay eval: {error}");
            }

            stderr.WriteLine(EvalArguments.Usage);
            return Task.FromResult(string.IsNullOrEmpty(error) ? 0 : 2);
        }

        try
        {
            return Task.FromResult(Run(arguments, stdout, ct));
        }
        catch (Exception ex) when (ex is NerModelException or IOException or FormatException or System.Text.Json.JsonException
            or UnauthorizedAccessException)
        {
            stderr.WriteLine($"relay eval: {ex.Message}");
            return Task.FromResult(1);
        }
    }

    private static int Run(EvalArguments arguments, TextWriter stdout, CancellationToken ct)
    {
        var map = new GoldTagMap(arguments.TagMap);
        using var model = new OnnxNerModel(new NerOptions { ModelPath = arguments.Model });
        var sources = new List<EvalSource>();
        var overall = new SpanScorer(map.ScoredTypes);
        foreach (var (path, format) in arguments.Sources)
        {
            var sentences = format == "bio"
                ? BioFileReader.Read(path, map, arguments.MaxSentences)
                : JsonlSpanReader.Read(path, arguments.MaxSentences);
            var scorer = new SpanScorer(map.ScoredTypes.Concat(sentences.SelectMany(s => s.Spans).Select(s => s.Type)));
            for (var start = 0; start < sentences.Count; start += arguments.BatchSize)
            {
                ct.ThrowIfCancellationRequested();
                var batch = sentences.GetRange(start, Math.Min(arguments.BatchSize, sentences.Count - start));
                var predictions = model.Predict(batch.Select(s => s.Text).ToArray(), ct);
                for (var i = 0; i < batch.Count; i++)
                {
                    scorer.Add(batch[i].Text, batch[i].Spans, [.. predictions[i].Select(p => new GoldSpan(p.Type, p.Start, p.End))]);
                }
            }

            sources.Add(new EvalSource(path, format, scorer));
            overall.Add(scorer);
        }

        if (arguments.Json)
        {
            EvalReportWriter.WriteJson(stdout, model.ModelFolder, sources, overall);
        }
        else
        {
            EvalReportWriter.WriteText(stdout, model.ModelFolder, sources, overall);
        }

        return 0;
    }
}
