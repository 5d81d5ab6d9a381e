using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace StealthRelay.Redaction.Protocols;

/// <summary>
/// Parses UTF-8 JSON into <see cref="JsonSyntaxNode"/>s with byte offsets (strict JSON, duplicate keys rejected).
/// Every string and property name is checked to decode (valid UTF-8, valid escapes: <see cref="Utf8JsonReader"/>
/// does not check this while reading), so <see cref="JsonSyntaxNode.GetString"/> on a parsed node cannot throw.
/// </summary>
internal static class JsonSyntaxTree
{
    private const int MaxDepth = 128;

    /// <summary>Parses <paramref name="utf8"/>; throws <see cref="JsonException"/> when it is not one valid JSON value.</summary>
    public static JsonSyntaxNode Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!reader.Read())
        {
            throw new JsonException("Empty JSON.");
        }

        var root = ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException("Trailing data after the JSON value.");
        }

        return root;
    }

    /// <summary>Parses, returning null instead of throwing when <paramref name="utf8"/> is not valid JSON.</summary>
    public static JsonSyntaxNode? TryParse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return Parse(utf8);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonSyntaxNode ReadValue(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var node = new JsonSyntaxNode(JsonKind.Object, start) { Properties = [] };
                    HashSet<string>? names = null;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        EnsureDecodable(ref reader);
                        var name = reader.GetString()!;
                        if (node.Properties.Count >= 8)
                        {
                            names ??= new HashSet<string>(node.Properties.Select(p => p.Key), StringComparer.Ordinal);
                        }

                        if (names is not null ? !names.Add(name) : node.Properties.Exists(p => p.Key == name))
                        {
                            throw new JsonException("Duplicate property name.");
                        }

                        reader.Read();
                        node.Properties.Add(new(name, ReadValue(ref reader)));
                    }

                    node.End = (int)reader.TokenStartIndex + 1;
                    return node;
                }

            case JsonTokenType.StartArray:
                {
                    var node = new JsonSyntaxNode(JsonKind.Array, start) { Items = [] };
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        node.Items.Add(ReadValue(ref reader));
                    }

                    node.End = (int)reader.TokenStartIndex + 1;
                    return node;
                }

            case JsonTokenType.String:
                EnsureDecodable(ref reader);
                return new JsonSyntaxNode(JsonKind.String, start) { End = start + reader.ValueSpan.Length + 2, HasEscapes = reader.ValueIsEscaped };
            case JsonTokenType.Number:
                return new JsonSyntaxNode(JsonKind.Number, start) { End = start + reader.ValueSpan.Length };
            case JsonTokenType.True:
                return new JsonSyntaxNode(JsonKind.True, start) { End = start + 4 };
            case JsonTokenType.False:
                return new JsonSyntaxNode(JsonKind.False, start) { End = start + 5 };
            case JsonTokenType.Null:
                return new JsonSyntaxNode(JsonKind.Null, start) { End = start + 4 };
            default:
                throw new JsonException("Unexpected token.");
        }
    }

    /// <summary>Throws <see cref="JsonException"/> when the current string or name does not decode to UTF-16.</summary>
    private static void EnsureDecodable(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                throw new JsonException("Invalid UTF-8 in a string.");
            }

            return;
        }

        // An escaped value never decodes to more UTF-16 code units than it has bytes.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, reader.ValueSpan.Length));
        try
        {
            reader.CopyString(buffer);
        }
        catch (InvalidOperationException)
        {
            throw new JsonException("Invalid UTF-8 or escape sequence in a string.");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
