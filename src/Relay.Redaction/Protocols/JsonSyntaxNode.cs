using System.Text;
using System.Text.Json;

namespace StealthRelay.Redaction.Protocols;

/// <summary>
/// A JSON value with its byte range in the source, so that a rewrite can splice changed strings into the original
/// bytes and leave everything else (numbers, escapes, whitespace, key order) exactly as sent. Strings are decoded
/// lazily: a base64 image is never turned into a .NET string.
/// </summary>
internal sealed class JsonSyntaxNode
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public JsonSyntaxNode(JsonKind kind, int start)
    {
        Kind = kind;
        Start = start;
    }

    public JsonKind Kind { get; }

    /// <summary>First byte (the opening quote of a string, the brace of an object).</summary>
    public int Start { get; }

    /// <summary>One past the last byte.</summary>
    public int End { get; set; }

    /// <summary>For strings: the raw value contains escape sequences.</summary>
    public bool HasEscapes { get; set; }

    /// <summary>Object members in source order (null for other kinds).</summary>
    public List<KeyValuePair<string, JsonSyntaxNode>>? Properties { get; set; }

    /// <summary>Array items in source order (null for other kinds).</summary>
    public List<JsonSyntaxNode>? Items { get; set; }

    public bool IsString => Kind == JsonKind.String;

    /// <summary>The member named <paramref name="name"/>, or null (keys are unique: the parser rejects duplicates).</summary>
    public JsonSyntaxNode? this[string name]
    {
        get
        {
            if (Properties is null)
            {
                return null;
            }

            foreach (var p in Properties)
            {
                if (p.Key == name)
                {
                    return p.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Decodes a string value. Throws <see cref="DecoderFallbackException"/> on invalid UTF-8.</summary>
    public string GetString(ReadOnlySpan<byte> source)
    {
        if (Kind != JsonKind.String)
        {
            throw new InvalidOperationException("Not a string.");
        }

        if (!HasEscapes)
        {
            return StrictUtf8.GetString(source[(Start + 1)..(End - 1)]);
        }

        var reader = new Utf8JsonReader(source[Start..End]);
        reader.Read();
        return reader.GetString() ?? "";
    }
}
