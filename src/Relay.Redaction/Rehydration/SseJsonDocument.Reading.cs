using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>
/// The reading half of <see cref="SseJsonDocument"/>: one pass of <see cref="Utf8JsonReader"/> that appends a token
/// per value, with the strictness checks of <see cref="JsonSyntaxTree"/> (decodable strings and names, no duplicate
/// names after unescaping).
/// </summary>
internal sealed partial class SseJsonDocument
{
    private int ReadValue(ref Utf8JsonReader reader, int nameStart, int nameLength)
    {
        if (_count == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        var index = _count++;
        var start = (int)reader.TokenStartIndex;
        _tokens[index] = new SseJsonToken { Start = start, NameStart = nameStart, NameLength = nameLength, Next = -1 };
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    _tokens[index].Kind = JsonKind.Object;
                    var last = -1;
                    var members = 0;
                    HashSet<string>? names = null;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var (memberNameStart, memberNameLength) = ReadName(ref reader);
                        var name = _names.AsSpan(memberNameStart, memberNameLength);
                        bool duplicate;
                        if (members >= LinearDuplicateCheck)
                        {
                            names ??= NameSet(index + 1);
                            duplicate = !names.Add(StrictUtf8.GetString(name));
                        }
                        else
                        {
                            duplicate = last >= 0 && HasMember(index + 1, name);
                        }

                        if (duplicate)
                        {
                            throw new JsonException("Duplicate property name.");
                        }

                        reader.Read();
                        var child = ReadValue(ref reader, memberNameStart, memberNameLength);
                        if (last >= 0)
                        {
                            _tokens[last].Next = child;
                        }

                        last = child;
                        members++;
                    }

                    _tokens[index].End = (int)reader.TokenStartIndex + 1;
                    return index;
                }

            case JsonTokenType.StartArray:
                {
                    _tokens[index].Kind = JsonKind.Array;
                    var last = -1;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var child = ReadValue(ref reader, 0, 0);
                        if (last >= 0)
                        {
                            _tokens[last].Next = child;
                        }

                        last = child;
                    }

                    _tokens[index].End = (int)reader.TokenStartIndex + 1;
                    return index;
                }

            case JsonTokenType.String:
                EnsureDecodable(ref reader);
                _tokens[index].Kind = JsonKind.String;
                _tokens[index].End = start + reader.ValueSpan.Length + 2;
                _tokens[index].HasEscapes = reader.ValueIsEscaped;
                return index;
            case JsonTokenType.Number:
                _tokens[index].Kind = JsonKind.Number;
                _tokens[index].End = start + reader.ValueSpan.Length;
                return index;
            case JsonTokenType.True:
                _tokens[index].Kind = JsonKind.True;
                _tokens[index].End = start + 4;
                return index;
            case JsonTokenType.False:
                _tokens[index].Kind = JsonKind.False;
                _tokens[index].End = start + 5;
                return index;
            case JsonTokenType.Null:
                _tokens[index].Kind = JsonKind.Null;
                _tokens[index].End = start + 4;
                return index;
            default:
                throw new JsonException("Unexpected token.");
        }
    }

    /// <summary>Checks the current property name decodes and appends its unescaped UTF-8 to the name buffer.</summary>
    private (int Start, int Length) ReadName(ref Utf8JsonReader reader)
    {
        var decoded = EnsureDecodable(ref reader);
        var start = _namesLength;
        if (!reader.ValueIsEscaped)
        {
            var raw = reader.ValueSpan;
            EnsureNameRoom(raw.Length);
            raw.CopyTo(_names.AsSpan(start));
            _namesLength += raw.Length;
            return (start, raw.Length);
        }

        // The decoded name is well-formed UTF-16 (lone surrogates do not decode), so its UTF-8 is exact.
        var chars = _chars.AsSpan(0, decoded);
        EnsureNameRoom(Encoding.UTF8.GetMaxByteCount(chars.Length));
        var length = Encoding.UTF8.GetBytes(chars, _names.AsSpan(start));
        _namesLength += length;
        return (start, length);
    }

    private void EnsureNameRoom(int bytes)
    {
        if (_namesLength + bytes > _names.Length)
        {
            Array.Resize(ref _names, Math.Max(_namesLength + bytes, _names.Length * 2));
        }
    }

    /// <summary>Whether a member from <paramref name="first"/> on (an object still being parsed) has the name.</summary>
    private bool HasMember(int first, ReadOnlySpan<byte> utf8Name)
    {
        for (var member = first; member >= 0; member = _tokens[member].Next)
        {
            if (NameOf(member).SequenceEqual(utf8Name))
            {
                return true;
            }
        }

        return false;
    }

    private HashSet<string> NameSet(int first)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var member = first; member >= 0; member = _tokens[member].Next)
        {
            set.Add(GetName(member));
        }

        return set;
    }

    /// <summary>
    /// Throws <see cref="JsonException"/> when the current string or name does not decode to UTF-16, as
    /// <see cref="JsonSyntaxTree"/> does. For an escaped value, leaves the decoded text in the char buffer and
    /// returns its length.
    /// </summary>
    private int EnsureDecodable(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                throw new JsonException("Invalid UTF-8 in a string.");
            }

            return 0;
        }

        // An escaped value never decodes to more UTF-16 code units than it has bytes.
        if (_chars.Length < reader.ValueSpan.Length)
        {
            _chars = new char[Math.Max(reader.ValueSpan.Length, _chars.Length * 2)];
        }

        try
        {
            return reader.CopyString(_chars);
        }
        catch (InvalidOperationException)
        {
            throw new JsonException("Invalid UTF-8 or escape sequence in a string.");
        }
    }
}
