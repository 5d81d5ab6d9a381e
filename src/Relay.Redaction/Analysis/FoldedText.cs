using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;

namespace StealthRelay.Redaction.Analysis;

/// <summary>
/// The text as the rule recognizers read it: the spaces, dashes and full-width forms that word processors, PDFs and
/// web pages put into numbers folded to their ASCII forms, invisible characters left out, and the HTML character
/// references and URL percent-escapes of pasted HTML, logs and URLs decoded. The recognizers' patterns are written for
/// plain ASCII separators; without this a card number with no-break spaces (<c>4111&#xA0;1111&#xA0;…</c>), a French
/// phone number with the narrow no-break spaces French typography sets, a phone number in an HTML signature
/// (<c>+49&amp;nbsp;30&amp;nbsp;1234567</c>) or an e-mail address in a logged query string (<c>email=jane%40example.com</c>)
/// went to the provider in clear. Spans found in the folded text are mapped back to the original with
/// <see cref="ToOriginal"/>, so what is replaced and restored is the original, byte for byte.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Folded one for one: the space separators (no-break, narrow no-break, thin, figure, ideographic and the other
/// U+2000 spaces) to a space; hyphens and dashes (U+2010-U+2015, the minus sign, small and full-width hyphen-minus) to
/// <c>-</c>; the full-width ASCII forms (U+FF01-U+FF5E: digits, letters, <c>@</c>) to ASCII.</item>
/// <item>Left out: the soft hyphen, zero-width space and joiners, the word joiner and the byte-order mark.</item>
/// <item>Decoded, then folded: numeric character references (<c>&amp;#64;</c>, <c>&amp;#x40;</c>) and the named ones
/// that occur in numbers and addresses (<see cref="NamedReferences"/>); a percent-escape of a printable ASCII character
/// (<c>%40</c>, <c>%2B</c>, <c>%20</c>).</item>
/// </list>
/// A tab stays a tab: tables separate their columns with it, and the recognizers that take one say so. A text with
/// none of these (nearly every text) is used as it is, at the cost of one vectorized search.
/// </remarks>
internal readonly struct FoldedText
{
    private const string Removed = "\u00AD\u200B\u200C\u200D\u2060\uFEFF";

    /// <summary>
    /// The longest reference read, its <c>&amp;</c> and <c>;</c> included: a numeric one (<c>&amp;#65279;</c>,
    /// <c>&amp;#x0FEFF;</c>) or a name of <see cref="NamedReferences"/> (at most <c>&amp;commat;</c>).
    /// </summary>
    private const int MaxReferenceLength = 10;

    private static readonly SearchValues<char> RemovedChars = SearchValues.Create(Removed);

    private static readonly SearchValues<char> Foldable = SearchValues.Create(
        "&%\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000" +
        "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63" + Removed + FullWidth());

    /// <summary>The named character references that stand in numbers, e-mail addresses and URLs as HTML writes them.</summary>
    private static readonly FrozenDictionary<string, char> NamedReferences = new Dictionary<string, char>(StringComparer.Ordinal)
    {
        ["nbsp"] = '\u00A0', ["ensp"] = '\u2002', ["emsp"] = '\u2003', ["thinsp"] = '\u2009', ["numsp"] = '\u2007',
        ["shy"] = '\u00AD', ["hyphen"] = '\u2010', ["dash"] = '\u2010', ["ndash"] = '\u2013', ["mdash"] = '\u2014',
        ["minus"] = '\u2212', ["amp"] = '&', ["lt"] = '<', ["gt"] = '>', ["quot"] = '"', ["apos"] = '\'',
        ["commat"] = '@', ["period"] = '.', ["plus"] = '+', ["lpar"] = '(', ["rpar"] = ')', ["sol"] = '/',
        ["colon"] = ':', ["num"] = '#',
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> NamedReferenceLookup =
        NamedReferences.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Folded index to where its character starts in the original; null when each character is its own.</summary>
    private readonly int[]? _starts;

    /// <summary>Folded index to where its character ends in the original (after a reference or escape of several).</summary>
    private readonly int[]? _ends;

    private FoldedText(string text, int[]? starts, int[]? ends)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>The folded text; the original itself when there was nothing to fold.</summary>
    public string Text { get; }

    public static FoldedText Fold(string text) => Fold(text, keepDashes: false);

    /// <summary>
    /// The text as the NER model reads it: folded as for the recognizers, but with its dashes as they are. The model
    /// learned the typographic dashes of its training text (the English WikiANN test split alone has about 1,200 en
    /// dashes); folding them to <c>-</c> cost it 0.4 points of PERSON recall there.
    /// </summary>
    public static FoldedText FoldForModel(string text) => Fold(text, keepDashes: true);

    private static FoldedText Fold(string text, bool keepDashes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstChange(text, keepDashes);
        return first < 0 ? new FoldedText(text, null, null) : FoldFrom(text, first, keepDashes);
    }

    /// <summary>
    /// The span of the original text that <paramref name="span"/> of <see cref="Text"/> covers: what was left out inside
    /// it is inside it, what was left out at its edges is not, and a decoded reference counts whole.
    /// </summary>
    public EntitySpan ToOriginal(EntitySpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (_starts is null || _ends is null)
        {
            return span;
        }

        var start = _starts[span.Start];
        var end = span.End > span.Start ? _ends[span.End - 1] : start;
        return start == span.Start && end == span.End ? span : span with { Start = start, End = end };
    }

    /// <summary>Where the first character that folds is, or -1: a lone <c>&amp;</c> or <c>%</c> does not count.</summary>
    private static int FirstChange(string text, bool keepDashes)
    {
        var from = 0;
        while (from < text.Length)
        {
            var next = text.AsSpan(from).IndexOfAny(Foldable);
            if (next < 0)
            {
                return -1;
            }

            var i = from + next;
            if (Read(text, i, keepDashes, out _, out _))
            {
                return i;
            }

            from = i + 1;
        }

        return -1;
    }

    private static FoldedText FoldFrom(string text, int first, bool keepDashes)
    {
        var chars = new char[text.Length];
        text.AsSpan(0, first).CopyTo(chars);
        int[]? starts = null;
        int[]? ends = null;
        var n = first;
        var i = first;
        while (i < text.Length)
        {
            // Copy up to the next character that may fold in one block.
            var plain = text.AsSpan(i).IndexOfAny(Foldable);
            plain = plain < 0 ? text.Length - i : plain;
            text.AsSpan(i, plain).CopyTo(chars.AsSpan(n));
            if (starts is not null)
            {
                for (var k = 0; k < plain; k++)
                {
                    starts[n + k] = i + k;
                    ends![n + k] = i + k + 1;
                }
            }

            n += plain;
            i += plain;
            if (i == text.Length)
            {
                break;
            }

            if (!Read(text, i, keepDashes, out var folded, out var length))
            {
                folded = text[i];
                length = 1;
            }

            var leftOut = RemovedChars.Contains(folded);
            if ((leftOut || length > 1) && starts is null)
            {
                // The first character that is not one for one: from here on each folded character says where it came from.
                starts = new int[text.Length + 1];
                ends = new int[text.Length + 1];
                for (var k = 0; k < n; k++)
                {
                    starts[k] = k;
                    ends[k] = k + 1;
                }
            }

            if (!leftOut)
            {
                chars[n] = folded;
                if (starts is not null)
                {
                    starts[n] = i;
                    ends![n] = i + length;
                }

                n++;
            }

            i += length;
        }

        if (starts is not null)
        {
            starts[n] = text.Length;
            ends![n] = text.Length;
        }

        return new FoldedText(new string(chars, 0, n), starts, ends);
    }

    /// <summary>
    /// The character at <paramref name="i"/> as the recognizers read it and how many characters of the text it takes,
    /// when it folds: false for a character that stays as it is (also a <c>&amp;</c> or <c>%</c> that starts nothing).
    /// A character that is left out reads as itself (one of <see cref="Removed"/>).
    /// </summary>
    private static bool Read(string text, int i, bool keepDashes, out char folded, out int length)
    {
        var c = text[i];
        length = 1;
        if (c == '&')
        {
            if (!TryReadReference(text, i, out c, out length))
            {
                folded = '&';
                return false;
            }
        }
        else if (c == '%')
        {
            if (!TryReadPercentEscape(text, i, out c))
            {
                folded = '%';
                return false;
            }

            length = 3;
        }

        var leftOut = RemovedChars.Contains(c);
        folded = leftOut || (keepDashes && IsDash(c)) ? c : FoldChar(c);
        return length > 1 || leftOut || folded != text[i];
    }

    /// <summary>An HTML character reference at <paramref name="i"/>: <c>&amp;#64;</c>, <c>&amp;#x40;</c> or a name of <see cref="NamedReferences"/>.</summary>
    private static bool TryReadReference(string text, int i, out char decoded, out int length)
    {
        decoded = '\0';
        length = 0;
        var limit = Math.Min(text.Length - i, MaxReferenceLength);
        var semicolon = text.AsSpan(i + 1, limit - 1).IndexOf(';');
        if (semicolon < 1)
        {
            return false;
        }

        var body = text.AsSpan(i + 1, semicolon);
        if (body[0] == '#')
        {
            var hex = body.Length > 1 && body[1] is 'x' or 'X';
            var number = hex ? body[2..] : body[1..];
            if (number.IsEmpty || !int.TryParse(number, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                || code is <= 0 or > 0xFFFF || char.IsSurrogate((char)code))
            {
                return false;
            }

            decoded = (char)code;
        }
        else if (!NamedReferenceLookup.TryGetValue(body, out decoded))
        {
            return false;
        }

        length = semicolon + 2;
        return true;
    }

    /// <summary>A percent-escape of a printable ASCII character at <paramref name="i"/> (<c>%40</c> is <c>@</c>).</summary>
    private static bool TryReadPercentEscape(string text, int i, out char decoded)
    {
        decoded = '\0';
        if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
        {
            return false;
        }

        var code = (HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]);
        if (code is < 0x20 or > 0x7E)
        {
            return false;
        }

        decoded = (char)code;
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool IsDash(char c) => c is (>= '\u2010' and <= '\u2015') or '\u2212' or '\uFE58' or '\uFE63';

    private static char FoldChar(char c) => c switch
    {
        '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' => ' ',
        _ when IsDash(c) => '-',
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
