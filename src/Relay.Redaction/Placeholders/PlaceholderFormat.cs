using System.Collections.Concurrent;
using System.Globalization;

namespace StealthRelay.Redaction.Placeholders;

/// <summary>
/// A parsed <see cref="Policy.RedactionPolicy.PlaceholderFormat"/>: <c>prefix {type} separator {index} suffix</c>.
/// Prefix and suffix must be non-empty and free of letters, digits and whitespace, so that a placeholder has a
/// clear start (the streaming restorer holds back from there) and a clear end.
/// </summary>
/// <remarks>
/// Matching is lenient the way models mangle placeholders: any case, whitespace inside the brackets
/// (<c>[ email address 1 ]</c>). A lenient match is only a candidate: it is restored only when its canonical
/// form is a placeholder of the request's vault.
/// </remarks>
internal sealed class PlaceholderFormat
{
    /// <summary>The longest inner text (between prefix and suffix) a lenient match may have.</summary>
    public const int MaxInnerLength = 80;

    private static readonly ConcurrentDictionary<string, PlaceholderFormat> Cache = new(StringComparer.Ordinal);

    private PlaceholderFormat(string prefix, string separator, string suffix)
    {
        Prefix = prefix;
        Separator = separator;
        Suffix = suffix;
    }

    public string Prefix { get; }

    public string Separator { get; }

    public string Suffix { get; }

    /// <summary>The longest text a lenient match can span.</summary>
    public int MaxLength => Prefix.Length + MaxInnerLength + Suffix.Length;

    /// <summary>Returns the cached parsed format; throws <see cref="ArgumentException"/> when it is not usable.</summary>
    public static PlaceholderFormat Get(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (Cache.TryGetValue(format, out var cached))
        {
            return cached;
        }

        if (!TryParse(format, out var parsed, out var error))
        {
            throw new ArgumentException(error, nameof(format));
        }

        return Cache.GetOrAdd(format, parsed!);
    }

    /// <summary>Parses a format; <paramref name="error"/> says what is wrong (no content: formats are configuration).</summary>
    public static bool TryParse(string format, out PlaceholderFormat? parsed, out string? error)
    {
        parsed = null;
        const string TypeToken = "{type}";
        const string IndexToken = "{index}";
        var typeAt = format.IndexOf(TypeToken, StringComparison.Ordinal);
        var indexAt = format.IndexOf(IndexToken, StringComparison.Ordinal);
        if (typeAt < 0 || indexAt < 0 || indexAt < typeAt
            || format.IndexOf(TypeToken, typeAt + 1, StringComparison.Ordinal) >= 0
            || format.IndexOf(IndexToken, indexAt + 1, StringComparison.Ordinal) >= 0)
        {
            error = "PlaceholderFormat must contain {type} once, followed by {index} once.";
            return false;
        }

        var prefix = format[..typeAt];
        var separator = format[(typeAt + TypeToken.Length)..indexAt];
        var suffix = format[(indexAt + IndexToken.Length)..];
        if (prefix.Length == 0 || suffix.Length == 0 || !IsDelimiter(prefix) || !IsDelimiter(suffix))
        {
            error = "PlaceholderFormat must start and end with punctuation (no letters, digits or whitespace), e.g. [{type}_{index}].";
            return false;
        }

        if (separator.Length == 0 || separator.Length > 3 || separator.Any(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c))
            || separator.Contains(prefix[0], StringComparison.Ordinal) || separator.Contains(suffix[0], StringComparison.Ordinal))
        {
            error = "PlaceholderFormat needs a short punctuation separator between {type} and {index}, e.g. _.";
            return false;
        }

        if (suffix.Contains(prefix[0], StringComparison.Ordinal) || prefix.Contains(suffix[0], StringComparison.Ordinal) || format.AsSpan().ContainsAny('"', '\\'))
        {
            error = "PlaceholderFormat prefix and suffix must not share characters, and no part may contain a quote or backslash.";
            return false;
        }

        parsed = new PlaceholderFormat(prefix, separator, suffix);
        error = null;
        return true;
    }

    public string Format(string type, int index) =>
        string.Concat(Prefix, type, Separator, index.ToString(CultureInfo.InvariantCulture), Suffix);

    /// <summary>True for a character that may appear between prefix and suffix of a lenient match.</summary>
    public bool IsInnerChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || c == ' ' || c == '\t' || Separator.Contains(c);

    /// <summary>
    /// Matches a lenient placeholder at the start of <paramref name="text"/>: prefix, up to
    /// <see cref="MaxInnerLength"/> inner characters, suffix. Returns the total length, or 0.
    /// </summary>
    public int MatchLength(ReadOnlySpan<char> text, out Range inner)
    {
        inner = default;
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return 0;
        }

        var i = Prefix.Length;
        var limit = Math.Min(text.Length, Prefix.Length + MaxInnerLength);
        while (i < limit && IsInnerChar(text[i]))
        {
            i++;
        }

        if (i == Prefix.Length || !text[i..].StartsWith(Suffix, StringComparison.Ordinal))
        {
            return 0;
        }

        inner = new Range(Prefix.Length, i);
        return i + Suffix.Length;
    }

    /// <summary>
    /// True when <paramref name="tail"/> (which starts with the prefix's first character) is not a complete match yet
    /// but more text could still make it one.
    /// </summary>
    public bool IsIncompleteMatch(ReadOnlySpan<char> tail)
    {
        // Inside the prefix.
        if (tail.Length < Prefix.Length)
        {
            return Prefix.AsSpan().StartsWith(tail, StringComparison.Ordinal);
        }

        if (!tail.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var i = Prefix.Length;
        while (i < tail.Length && IsInnerChar(tail[i]))
        {
            i++;
        }

        if (i - Prefix.Length > MaxInnerLength)
        {
            return false;
        }

        if (i == tail.Length)
        {
            return true;
        }

        // Part of the suffix has arrived.
        var rest = tail[i..];
        return i > Prefix.Length && rest.Length < Suffix.Length && Suffix.AsSpan().StartsWith(rest, StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes the canonical candidate of a lenient match's inner text into <paramref name="destination"/>:
    /// prefix + inner + suffix where whitespace is removed (<paramref name="spacesAsSeparator"/> false) or runs of
    /// whitespace become <c>_</c> (true). Returns the length written. <paramref name="destination"/> must hold
    /// <see cref="MaxLength"/> characters.
    /// </summary>
    public int WriteCandidate(ReadOnlySpan<char> inner, bool spacesAsSeparator, Span<char> destination, bool withSuffix = true)
    {
        var n = 0;
        Prefix.AsSpan().CopyTo(destination);
        n += Prefix.Length;
        var trimmed = withSuffix ? inner.Trim(" \t") : inner.TrimStart(" \t");
        var inSpace = false;
        foreach (var c in trimmed)
        {
            if (c == ' ' || c == '\t')
            {
                inSpace = true;
                continue;
            }

            if (inSpace && spacesAsSeparator)
            {
                destination[n++] = '_';
            }

            inSpace = false;
            destination[n++] = c;
        }

        if (inSpace && spacesAsSeparator && !withSuffix)
        {
            destination[n++] = '_';
        }

        if (withSuffix)
        {
            Suffix.AsSpan().CopyTo(destination[n..]);
            n += Suffix.Length;
        }

        return n;
    }

    /// <summary>Splits a canonical inner text <c>TYPE{separator}INDEX</c>; false when it does not have that shape.</summary>
    public bool TrySplit(ReadOnlySpan<char> inner, out ReadOnlySpan<char> type, out int index)
    {
        type = default;
        index = 0;
        var at = inner.LastIndexOf(Separator, StringComparison.Ordinal);
        if (at <= 0)
        {
            return false;
        }

        var digits = inner[(at + Separator.Length)..];
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        type = inner[..at];
        // Any digit run has the shape; an index too long for int is reported as -1 (no vault holds it).
        index = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        return true;
    }

    private static bool IsDelimiter(string s) => s.All(c => !char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c) && c != '_');
}
