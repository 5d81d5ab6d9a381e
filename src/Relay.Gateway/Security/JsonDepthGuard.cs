using System.Text.Json;

namespace StealthRelay.Gateway.Security;

/// <summary>
/// Checks a request body's JSON nesting before the engine parses it, so a deeply nested body is refused with 400 and a
/// clear message. Malformed JSON is not judged here (the engine refuses it with its own message).
/// </summary>
internal static class JsonDepthGuard
{
    public static bool IsTooDeep(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDepth);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= maxDepth && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return false; // malformed: the engine answers with its own 400
        }

        return false;
    }
}
