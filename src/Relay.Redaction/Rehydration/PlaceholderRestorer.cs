using System.Globalization;
using System.Text;
using StealthRelay.Redaction.Placeholders;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>
/// Puts values back where a token that resolves to a vault placeholder stands (case, and whitespace inside the
/// brackets, are tolerated). One pass: a restored value is never scanned again, so a neutralized literal comes
/// back as the literal and nothing else.
/// </summary>
internal static class PlaceholderRestorer
{
    /// <summary>Restores a complete plain text.</summary>
    public static string Restore(string text, PlaceholderVault vault)
    {
        if (text.Length == 0 || text.IndexOf(vault.Format.Prefix[0], StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 32);
        var state = default(JsonTextState);
        Restore(text, vault, final: true, json: false, ref state, sb);
        return sb.ToString();
    }

    /// <summary>Restores a complete JSON text (tool-call arguments): values inside strings are JSON-escaped.</summary>
    public static string RestoreJsonText(string json, PlaceholderVault vault)
    {
        if (json.Length == 0 || json.IndexOf(vault.Format.Prefix[0], StringComparison.Ordinal) < 0)
        {
            return json;
        }

        var sb = new StringBuilder(json.Length + 32);
        var state = default(JsonTextState);
        Restore(json, vault, final: true, json: true, ref state, sb);
        return sb.ToString();
    }

    /// <summary>
    /// Appends the restored form of <paramref name="text"/> to <paramref name="output"/>. Unless
    /// <paramref name="final"/>, stops before the shortest tail that could still grow into a vault placeholder and
    /// returns where that tail starts (the caller holds it back); otherwise returns the text's length.
    /// </summary>
    public static int Restore(
        ReadOnlySpan<char> text, PlaceholderVault vault, bool final, bool json, ref JsonTextState state, StringBuilder output)
    {
        var format = vault.Format;
        var first = format.Prefix[0];
        Span<char> buffer = stackalloc char[format.MaxLength];
        var copyFrom = 0;
        var i = 0;
        while (i < text.Length)
        {
            var j = text[i..].IndexOf(first);
            if (j < 0)
            {
                break;
            }

            j += i;
            var rest = text[j..];
            var length = format.MatchLength(rest, out var inner);
            if (length > 0 && TryResolve(format, vault, rest[inner], buffer, out var value))
            {
                Append(text[copyFrom..j], json, ref state, output);
                AppendValue(value, json, state, output);
                i = copyFrom = j + length;
                continue;
            }

            if (!final && length == 0 && CouldBecomePlaceholder(format, vault, rest, buffer))
            {
                Append(text[copyFrom..j], json, ref state, output);
                return j;
            }

            i = j + 1;
        }

        Append(text[copyFrom..], json, ref state, output);
        return text.Length;
    }

    private static bool TryResolve(PlaceholderFormat format, PlaceholderVault vault, ReadOnlySpan<char> inner, Span<char> buffer, out string value)
    {
        var n = format.WriteCandidate(inner, spacesAsSeparator: false, buffer);
        if (vault.TryGetValue(buffer[..n], out value))
        {
            return true;
        }

        if (inner.ContainsAny(' ', '\t'))
        {
            n = format.WriteCandidate(inner, spacesAsSeparator: true, buffer);
            return vault.TryGetValue(buffer[..n], out value);
        }

        return false;
    }

    /// <summary>True when <paramref name="tail"/> is an incomplete lenient match that is a prefix of a vault placeholder.</summary>
    internal static bool CouldBecomePlaceholder(PlaceholderFormat format, PlaceholderVault vault, ReadOnlySpan<char> tail, Span<char> buffer)
    {
        if (!format.IsIncompleteMatch(tail))
        {
            return false;
        }

        if (tail.Length <= format.Prefix.Length)
        {
            return vault.Count > 0;
        }

        var innerEnd = format.Prefix.Length;
        while (innerEnd < tail.Length && format.IsInnerChar(tail[innerEnd]))
        {
            innerEnd++;
        }

        var inner = tail[format.Prefix.Length..innerEnd];
        var partialSuffix = tail[innerEnd..];
        for (var variant = 0; variant < 2; variant++)
        {
            var n = format.WriteCandidate(inner, spacesAsSeparator: variant == 1, buffer, withSuffix: false);
            if (partialSuffix.Length > 0)
            {
                // A suffix has started: the inner text is complete, trailing whitespace is not a separator.
                n = format.WriteCandidate(inner.TrimEnd(" \t"), spacesAsSeparator: variant == 1, buffer, withSuffix: false);
                partialSuffix.CopyTo(buffer[n..]);
                n += partialSuffix.Length;
            }

            if (vault.AnyStartsWith(buffer[..n]))
            {
                return true;
            }
        }

        return false;
    }

    private static void Append(ReadOnlySpan<char> text, bool json, ref JsonTextState state, StringBuilder output)
    {
        if (json)
        {
            state.Advance(text);
        }

        output.Append(text);
    }

    private static void AppendValue(string value, bool json, JsonTextState state, StringBuilder output)
    {
        if (!json)
        {
            output.Append(value);
            return;
        }

        // Outside a string a bare placeholder is not valid JSON: the value becomes a JSON string there.
        if (!state.InString)
        {
            output.Append('"');
        }

        AppendJsonEscaped(value, output);
        if (!state.InString)
        {
            output.Append('"');
        }
    }

    /// <summary>Escapes for the inside of a JSON string: quote, backslash and control characters.</summary>
    internal static void AppendJsonEscaped(string value, StringBuilder output)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }
    }
}
