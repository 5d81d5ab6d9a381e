using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Placeholders;

namespace StealthRelay.Gateway.Proxy;

/// <summary>
/// Restores placeholders in upstream error bodies (4xx/5xx), whose shape is not a completion: every JSON string is
/// searched for placeholders of the policy's format and known ones are put back; a body that is not JSON is treated as
/// text. Unknown placeholders are left as they are.
/// </summary>
internal static class ErrorBodyRestorer
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Restore(ReadOnlySpan<byte> body, IPlaceholderVault vault, string placeholderFormat)
    {
        ArgumentNullException.ThrowIfNull(vault);
        if (vault.Count == 0 || body.IsEmpty)
        {
            return body.ToArray();
        }

        var pattern = PatternFor(placeholderFormat);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetBytes(Replace(Encoding.UTF8.GetString(body), pattern, vault));
        }

        if (root is null)
        {
            return body.ToArray();
        }

        return RestoreNode(root, pattern, vault) is { } replaced
            ? JsonSerializer.SerializeToUtf8Bytes(replaced, s_json)
            : JsonSerializer.SerializeToUtf8Bytes(root, s_json);
    }

    /// <summary>Restores strings in place; returns a replacement when <paramref name="node"/> itself is a string.</summary>
    private static JsonNode? RestoreNode(JsonNode node, Regex pattern, IPlaceholderVault vault)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is not null && RestoreNode(child, pattern, vault) is { } replacement)
                    {
                        obj[name] = replacement;
                    }
                }

                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } child && RestoreNode(child, pattern, vault) is { } replacement)
                    {
                        array[i] = replacement;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var restored = Replace(text, pattern, vault);
                return ReferenceEquals(text, restored) ? null : JsonValue.Create(restored);
            default:
                return null;
        }
    }

    private static string Replace(string text, Regex pattern, IPlaceholderVault vault) =>
        pattern.Replace(text, match => vault.TryGetValue(match.ValueSpan, out var original) ? original : match.Value);

    internal static Regex PatternFor(string placeholderFormat)
    {
        var escaped = Regex.Escape(placeholderFormat)
            .Replace(@"\{type}", "[A-Z][A-Z0-9_]*", StringComparison.Ordinal)
            .Replace(@"\{index}", "[0-9]+", StringComparison.Ordinal);
        return new Regex(escaped, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
