using System.Buffers;

namespace StealthRelay.Redaction.Analysis;

/// <summary>
/// The text as the rule recognizers read it: the spaces, dashes and full-width forms that word processors, PDFs and
/// web pages put into numbers folded to their ASCII forms, and invisible characters left out. Their patterns are
/// written for ASCII separators; without this a card number with no-break spaces (<c>4111&#xA0;1111&#xA0;…</c>), a
/// French phone number with the narrow no-break spaces French typography sets (<c>06&#x202F;12&#x202F;34…</c>) or an
/// SSN with non-breaking hyphens went to the provider in clear. Spans found in the folded text are mapped back to the
/// original with <see cref="ToOriginal"/>, so what is replaced and restored is the original, byte for byte.
/// </summary>
/// <remarks>
/// Folded one for one: the space separators (no-break, narrow no-break, thin, figure, ideographic and the other
/// U+2000 spaces) to a space; hyphens and dashes (U+2010-U+2015, the minus sign, small and full-width hyphen-minus)
/// to <c>-</c>; the full-width ASCII forms (U+FF01-U+FF5E: digits, letters, <c>@</c>) to ASCII. Left out: the soft
/// hyphen, zero-width space and joiners, the word joiner and the byte-order mark. A tab stays a tab: tables separate
/// their columns with it, and the recognizers that take one say so. A text with none of these (nearly every text) is
/// used as it is, at the cost of one vectorized search.
/// </remarks>
internal readonly struct FoldedText
{
    private const string Removed = "\u00AD\u200B\u200C\u200D\u2060\uFEFF";

    private static readonly SearchValues<char> RemovedChars = SearchValues.Create(Removed);

    private static readonly SearchValues<char> Foldable = SearchValues.Create(
        "\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000" +
        "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63" + Removed + FullWidth());

    /// <summary>Folded index to original index, one longer than <see cref="Text"/>; null when nothing was left out.</summary>
    private readonly int[]? _map;

    private FoldedText(string text, int[]? map)
    {
        Text = text;
        _map = map;
    }

    /// <summary>The folded text; the original itself when there was nothing to fold.</summary>
    public string Text { get; }

    public static FoldedText Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Foldable);
        if (first < 0)
        {
            return new FoldedText(text, null);
        }

        if (!text.AsSpan(first).ContainsAny(RemovedChars))
        {
            return new FoldedText(string.Create(text.Length, (text, first), static (chars, state) =>
            {
                state.text.AsSpan().CopyTo(chars);
                for (var i = state.first; i < chars.Length; i++)
                {
                    chars[i] = FoldChar(chars[i]);
                }
            }), null);
        }

        var folded = new char[text.Length];
        var map = new int[text.Length + 1];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (RemovedChars.Contains(text[i]))
            {
                continue;
            }

            map[n] = i;
            folded[n++] = FoldChar(text[i]);
        }

        map[n] = text.Length;
        return new FoldedText(new string(folded, 0, n), map[..(n + 1)]);
    }

    /// <summary>
    /// The span of the original text that <paramref name="span"/> of <see cref="Text"/> covers: what was left out inside
    /// it is inside it, what was left out at its edges is not.
    /// </summary>
    public EntitySpan ToOriginal(EntitySpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (_map is null)
        {
            return span;
        }

        var start = _map[span.Start];
        var end = span.End > span.Start ? _map[span.End - 1] + 1 : start;
        return start == span.Start && end == span.End ? span : span with { Start = start, End = end };
    }

    private static char FoldChar(char c) => c switch
    {
        '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' => ' ',
        (>= '\u2010' and <= '\u2015') or '\u2212' or '\uFE58' or '\uFE63' => '-',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    };

    private static string FullWidth()
    {
        var chars = new char['\uFF5E' - '\uFF01' + 1];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)('\uFF01' + i);
        }

        return new string(chars);
    }
}
