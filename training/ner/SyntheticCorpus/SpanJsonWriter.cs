using System.Text.Json;

namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>Writes <c>{"text","lang","template","spans":[{"type","start","end"}]}</c> lines with Presidio type names.</summary>
internal static class SpanJsonWriter
{
    private static readonly Dictionary<string, string> TypeNames = new()
    {
        ["PER"] = "PERSON",
        ["LOC"] = "LOCATION",
        ["ORG"] = "ORGANIZATION",
        ["ADDR"] = "ADDRESS",
    };

    public static void Write(TextWriter writer, IEnumerable<AnnotatedText> docs)
    {
        foreach (var doc in docs)
        {
            var line = new
            {
                text = doc.Text,
                lang = doc.Lang,
                template = doc.Template,
                spans = doc.Spans.Select(s => new { type = TypeNames[s.Label], start = s.Start, end = s.End }),
            };
            writer.Write(JsonSerializer.Serialize(line));
            writer.Write('\n');
        }
    }
}
