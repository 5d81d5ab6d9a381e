using System.Buffers;

namespace StealthRelay.Redaction.Recognizers.Address;

/// <summary>
/// A cheap, exact pre-check for a regex shape: the shape can only match where one of its key words stands in the
/// position the pattern demands (a French street type between blanks, a German street word before a house number,
/// ...). A vectorized search finds each occurrence of a key word and <see cref="Accept"/> checks its surroundings;
/// the regex runs only when some occurrence passes. "during" holds "ring" and "called" holds "calle", which used to
/// send ordinary English prose through the German and Spanish regexes.
/// </summary>
internal sealed class ShapeGate
{
    private readonly string[] _words;
    private readonly SearchValues<string> _values;
    private readonly StringComparison _comparison;

    private ShapeGate(string[] words, StringComparison comparison, Func<string, int, int, bool> accept)
    {
        _words = words;
        _comparison = comparison;
        _values = SearchValues.Create(words, comparison);
        Accept = accept;
    }

    /// <summary>Whether a key word from <c>start</c> to <c>end</c> stands where the shape needs it.</summary>
    public Func<string, int, int, bool> Accept { get; }

    /// <summary>Key words compared case-insensitively.</summary>
    public static ShapeGate IgnoreCase(Func<string, int, int, bool> accept, params string[] words) =>
        new(words, StringComparison.OrdinalIgnoreCase, accept);

    /// <summary>
    /// Key words as written, capitalized and in upper case (an initial capital stays required: lower-case "via" is the
    /// English preposition, which validation rejects anyway, and it is common enough to cost a regex pass).
    /// </summary>
    public static ShapeGate Cased(Func<string, int, int, bool> accept, params string[] words) =>
        new(
            [.. words.SelectMany(static w => new[] { w, string.Concat(w[..1].ToUpperInvariant(), w[1..]), w.ToUpperInvariant() }).Distinct()],
            StringComparison.Ordinal,
            accept);

    /// <summary>True when some occurrence of a key word passes <see cref="Accept"/>.</summary>
    public bool Opens(string text)
    {
        var from = 0;
        while (from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAny(_values);
            if (found < 0)
            {
                return false;
            }

            var start = from + found;
            foreach (var word in _words)
            {
                if (text.AsSpan(start).StartsWith(word, _comparison) && Accept(text, start, start + word.Length))
                {
                    return true;
                }
            }

            from = start + 1;
        }

        return false;
    }

    /// <summary>A blank before and after: <c>12 rue de la Paix</c>.</summary>
    public static bool BetweenBlanks(string text, int start, int end) =>
        start > 0 && AddressWords.IsBlank(text[start - 1]) && end < text.Length && AddressWords.IsBlank(text[end]);

    /// <summary>Not glued to a word, a digit or a hyphen before, a blank after: <c>Calle de Alcalá</c>, <c>Am Markt</c>.</summary>
    public static bool WordThenBlank(string text, int start, int end) =>
        (start == 0 || !(char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '-')) && end < text.Length && AddressWords.IsBlank(text[end]);

    /// <summary>Blanks (or none) and then a digit: <c>Hauptstraße 5</c>, <c>Str.12</c>.</summary>
    public static bool BeforeNumber(string text, int start, int end)
    {
        while (end < text.Length && AddressWords.IsBlank(text[end]))
        {
            end++;
        }

        return end < text.Length && char.IsAsciiDigit(text[end]);
    }
}
