using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace StealthRelay.IntegrationTests.Infrastructure;

/// <summary>Exactly what the fake provider received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>Reads the body of the request a fake server is handling to its end and records it with the rest.</summary>
    public static async Task<RecordedRequest> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "", headers, buffer.ToArray());
    }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Every JSON string (names and values) unescaped, so a value hidden behind \u escapes is still found.</summary>
    public string DecodedStrings
    {
        get
        {
            var builder = new StringBuilder();
            try
            {
                var reader = new Utf8JsonReader(Body);
                while (reader.Read())
                {
                    if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                    {
                        builder.Append(reader.GetString()).Append('\n');
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON: the raw text is searched instead.
            }

            return builder.ToString();
        }
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>True when <paramref name="value"/> appears in the raw bytes or in any decoded JSON string.</summary>
    public bool Contains(string value) =>
        BodyText.Contains(value, StringComparison.Ordinal) || DecodedStrings.Contains(value, StringComparison.Ordinal);
}
