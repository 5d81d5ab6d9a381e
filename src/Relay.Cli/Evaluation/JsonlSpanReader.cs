using System.Text.Json;

namespace StealthRelay.Cli.Evaluation;

/// <summary>Reads <c>{"text": ..., "spans": [{"type", "start", "end"}]}</c>, one object per line.</summary>
internal static class JsonlSpanReader
{
    public static List<EvalSentence> Read(string path, int maxSentences)
    {
        var sentences = new List<EvalSentence>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (sentences.Count >= maxSentences)
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"{Path.GetFileName(path)} line {lineNumber}: no \"text\" string.");
            }

            var text = textElement.GetString()!;
            var spans = new List<GoldSpan>();
            if (root.TryGetProperty("spans", out var spansElement) && spansElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var span in spansElement.EnumerateArray())
                {
                    var type = span.GetProperty("type").GetString() ?? string.Empty;
                    var start = span.GetProperty("start").GetInt32();
                    var end = span.GetProperty("end").GetInt32();
                    if (start < 0 || end <= start || end > text.Length)
                    {
                        throw new FormatException($"{Path.GetFileName(path)} line {lineNumber}: span [{start}, {end}) is outside the text.");
                    }

                    spans.Add(new GoldSpan(type, start, end));
                }
            }

            sentences.Add(new EvalSentence(text, spans));
        }

        return sentences;
    }
}
