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
    private readonly SearchValues<string>[] _searches;
    private readonly StringComparison _comparison;

    private ShapeGate(string[] words, StringComparison comparison, Func<string, int, int, bool> accept)
    {
        _words = words;
        _comparison = comparison;
        // Two searches, not one: a search over a set holding two-letter words ("bd", "c/") can only fingerprint the
        // first two letters of every word, and common English pairs ("ca", "co", "pa", "la") then stop it every few
        // characters (240 us for a 16 KB prompt); the longer words alone fingerprint three letters (about 50 us).
        _searches = [.. words.GroupBy(static w => w.Length < 3).Select(g => SearchValues.Create([.. g], comparison))];
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

    /// <summary>
    /// Key words with an upper-case first letter and the rest in any case (<c>Am</c>, <c>AM</c>; not <c>am</c>):
    /// exactly what a case-insensitive key word whose first letter must be upper case can be. Searching only for
    /// these keeps short words such as <c>an</c> and <c>in</c>, inside nearly every English sentence, from stopping
    /// the search at all.
    /// </summary>
    public static ShapeGate Capitalized(Func<string, int, int, bool> accept, params string[] words) =>
        new([.. words.SelectMany(CapitalizedForms).Distinct()], StringComparison.Ordinal, accept);

    private static IEnumerable<string> CapitalizedForms(string word)
    {
        IEnumerable<string> forms = [word[..1].ToUpperInvariant()];
        foreach (var c in word[1..])
        {
            var lower = char.ToLowerInvariant(c);
            var upper = char.ToUpperInvariant(c);
            forms = lower == upper ? forms.Select(f => f + c) : forms.SelectMany(f => new[] { f + lower, f + upper });
        }

        return forms;
    }

    /// <summary>True when some occurrence of a key word passes <see cref="Accept"/>.</summary>
    public bool Opens(string text)
    {
        foreach (var search in _searches)
        {
            if (Opens(text, search))
            {
                return true;
            }
        }

        return false;
    }

    private bool Opens(string text, SearchValues<string> search)
    {
        var from = 0;
        while (from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAny(search);
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
