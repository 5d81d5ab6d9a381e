using System.Text;
using System.Text.Json;

namespace StealthRelay.IntegrationTests.Infrastructure;

/// <summary>Reads the text deltas out of a complete OpenAI chat or Anthropic messages event stream.</summary>
internal static class Sse
{
    public static string ConcatenateText(string stream)
    {
        var text = new StringBuilder();
        foreach (var line in stream.Split('\n'))
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal) || line == "data: [DONE]")
            {
                continue;
            }

            var json = JsonDocument.Parse(line["data: ".Length..]).RootElement;
            if (json.TryGetProperty("choices", out var choices) && choices[0].GetProperty("delta").TryGetProperty("content", out var content)
                && content.ValueKind == JsonValueKind.String)
            {
                text.Append(content.GetString());
            }
            else if (json.TryGetProperty("delta", out var delta) && delta.TryGetProperty("text", out var deltaText))
            {
                text.Append(deltaText.GetString());
            }
        }

        return text.ToString();
    }
}
