using System.Text;
using System.Text.Json;

namespace StealthRelay.LocalFallback.Protocols;

/// <summary>Typed reads of optional request fields with 400-style errors naming the field.</summary>
internal static class JsonFields
{
    public static bool TryGet(JsonElement obj, string name, out JsonElement value) =>
        obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    public static int? PositiveInt(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 1
            ? number
            : throw new InvalidChatRequestException($"'{name}' must be an integer of at least 1.", name);
    }

    public static float? Number(JsonElement obj, string name, float min, float max)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= min && number <= max
            ? (float)number
            : throw new InvalidChatRequestException($"'{name}' must be a number between {min} and {max}.", name);
    }

    public static uint? Seed(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        // llama.cpp seeds are 32-bit; a 64-bit OpenAI seed keeps its low 32 bits (same seed -> same output).
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? unchecked((uint)number)
            : throw new InvalidChatRequestException($"'{name}' must be an integer.", name);
    }

    public static bool Bool(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidChatRequestException($"'{name}' must be a boolean.", name),
        };
    }

    public static string? String(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new InvalidChatRequestException($"'{name}' must be a string.", name);
    }

    /// <summary>A string or an array of text parts (<c>{"type":"text","text":...}</c>), joined; other part types are refused.</summary>
    public static string Text(JsonElement value, string name)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString()!;
            case JsonValueKind.Null:
                return string.Empty;
            case JsonValueKind.Array:
                var text = new StringBuilder();
                foreach (var part in value.EnumerateArray())
                {
                    if (part.ValueKind != JsonValueKind.Object || String(part, "type") != "text" || !TryGet(part, "text", out var partText)
                        || partText.ValueKind != JsonValueKind.String)
                    {
                        throw new InvalidChatRequestException($"'{name}' may only hold text parts: the local model takes text only.", name);
                    }

                    text.Append(partText.GetString());
                }

                return text.ToString();
            default:
                throw new InvalidChatRequestException($"'{name}' must be a string or an array of text parts.", name);
        }
    }

    public static IReadOnlyList<string> Strings(JsonElement obj, string name, int max)
    {
        if (!TryGet(obj, name, out var value))
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > max
            || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new InvalidChatRequestException($"'{name}' must be a string or an array of at most {max} strings.", name);
        }

        return value.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
