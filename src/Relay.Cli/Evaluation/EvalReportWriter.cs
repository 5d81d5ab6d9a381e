using System.Globalization;
using System.Text.Json;

namespace StealthRelay.Cli.Evaluation;

/// <summary>Writes evaluation scores as an aligned text table or as JSON.</summary>
internal static class EvalReportWriter
{
    public static void WriteText(TextWriter writer, string model, IReadOnlyList<EvalSource> sources, SpanScorer overall)
    {
        writer.WriteLine($"model: {model}");
        foreach (var source in sources)
        {
            writer.WriteLine();
            writer.WriteLine($"{source.Path} ({source.Format}, {source.Scores.Sentences} sentences)");
            WriteTable(writer, source.Scores);
        }

        if (sources.Count > 1)
        {
            writer.WriteLine();
            writer.WriteLine($"all sources ({overall.Sentences} sentences)");
            WriteTable(writer, overall);
        }
    }

    public static void WriteJson(TextWriter writer, string model, IReadOnlyList<EvalSource> sources, SpanScorer overall)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("model", model);
            json.WriteStartArray("sources");
            foreach (var source in sources)
            {
                json.WriteStartObject();
                json.WriteString("path", source.Path);
                json.WriteString("format", source.Format);
                WriteScores(json, source.Scores);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("overall");
            WriteScores(json, overall);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteScores(Utf8JsonWriter json, SpanScorer scores)
    {
        json.WriteNumber("sentences", scores.Sentences);
        json.WriteStartObject("types");
        foreach (var (type, score) in scores.ByType)
        {
            json.WriteStartObject(type);
            WriteScore(json, score);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("micro");
        WriteScore(json, scores.Micro);
        json.WriteEndObject();
    }

    private static void WriteScore(Utf8JsonWriter json, TypeScore score)
    {
        json.WriteNumber("tp", score.TruePositives);
        json.WriteNumber("fp", score.FalsePositives);
        json.WriteNumber("fn", score.FalseNegatives);
        json.WriteNumber("precision", Math.Round(score.Precision, 6));
        json.WriteNumber("recall", Math.Round(score.Recall, 6));
        json.WriteNumber("f1", Math.Round(score.F1, 6));
        json.WriteNumber("covered", score.Covered);
        json.WriteNumber("partly_covered", score.PartlyCovered);
        json.WriteNumber("missed", score.Missed);
        json.WriteNumber("spurious", score.Spurious);
        json.WriteNumber("coverage", Math.Round(score.Coverage, 6));
        json.WriteNumber("miss_rate", Math.Round(score.MissRate, 6));
    }

    private static void WriteTable(TextWriter writer, SpanScorer scores)
    {
        writer.WriteLine(Row("type", "gold", "pred", "tp", "fp", "fn", "precision", "recall", "f1", "covered", "missed", "spurious"));
        foreach (var (type, score) in scores.ByType)
        {
            writer.WriteLine(Row(type, score));
        }

        writer.WriteLine(Row("micro avg", scores.Micro));
    }

    private static string Row(string name, TypeScore score) => Row(
        name, Number(score.Gold), Number(score.Predicted), Number(score.TruePositives), Number(score.FalsePositives),
        Number(score.FalseNegatives), Ratio(score.Precision), Ratio(score.Recall), Ratio(score.F1), Ratio(score.Coverage),
        Ratio(score.MissRate), Number(score.Spurious));

    private static string Row(
        string name, string gold, string predicted, string tp, string fp, string fn, string p, string r, string f1, string covered,
        string missed, string spurious) =>
        $"{name,-14} {gold,7} {predicted,7} {tp,7} {fp,7} {fn,7} {p,9} {r,7} {f1,7} {covered,8} {missed,7} {spurious,8}";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
