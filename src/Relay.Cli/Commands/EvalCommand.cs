using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Cli.Evaluation;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Cli.Commands;

/// <summary>
/// <c>relay eval</c>: runs the NER model over labelled files (BIO or JSONL spans) and prints span-level exact-match
/// precision, recall and F1 per entity type and micro-averaged, and how many gold spans redaction would have covered
/// wholly or not at all. With <c>--analyzer</c> it scores what the gateway would redact: rule recognizers and model,
/// fused, under the default policy or the one <c>--policy</c> names. Exit code 0 on success, 2 for bad arguments, 1 when
/// the model or a file cannot be read.
/// </summary>
internal static class EvalCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
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
            return string.IsNullOrEmpty(error) ? 0 : 2;
        }

        try
        {
            return await RunAsync(arguments, stdout, ct);
        }
        catch (Exception ex) when (ex is NerModelException or RedactionException or IOException or FormatException or System.Text.Json.JsonException
            or UnauthorizedAccessException)
        {
            stderr.WriteLine($"relay eval: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(EvalArguments arguments, TextWriter stdout, CancellationToken ct)
    {
        var map = new GoldTagMap(arguments.TagMap);
        var policy = RedactionHost.LoadPolicy(arguments.Policy);
        await using var services = RedactionHost.Create(ner: true, arguments.Model, arguments.Device);
        var model = services.GetRequiredService<INerModel>();
        var modelName = (model as OnnxNerModel)?.ModelFolder ?? arguments.Model ?? NerOptions.DefaultModelFolder;
        var analyzer = arguments.Analyzer ? services.GetRequiredService<IPiiAnalyzer>() : null;
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
                var texts = batch.ConvertAll(s => s.Text);
                var predictions = analyzer is null
                    ? model.Predict(texts, ct)
                    : await AnalyzeEachAsync(analyzer, texts, policy, ct);
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
            EvalReportWriter.WriteJson(stdout, modelName, sources, overall);
        }
        else
        {
            EvalReportWriter.WriteText(stdout, modelName, sources, overall);
        }

        return 0;
    }

    /// <summary>
    /// Each sentence or document is its own request, as one prompt would be: within a request a found value is redacted
    /// wherever it occurs (value propagation), which must not carry a value from one unrelated test line to the next.
    /// </summary>
    private static async Task<IReadOnlyList<IReadOnlyList<EntitySpan>>> AnalyzeEachAsync(
        IPiiAnalyzer analyzer, List<string> texts, RedactionPolicy policy, CancellationToken ct)
    {
        var result = new IReadOnlyList<EntitySpan>[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            result[i] = (await analyzer.AnalyzeAsync([texts[i]], policy, ct))[0];
        }

        return result;
    }
}
