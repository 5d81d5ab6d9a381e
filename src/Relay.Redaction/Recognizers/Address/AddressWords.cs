using System.Collections.Frozen;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Address;

/// <summary>
/// Word lists and case rules the street-address recognizer validates regex candidates with. All comparisons are
/// case-insensitive; a word is a run of letters, apostrophes, hyphens and a trailing dot.
/// </summary>
internal static class AddressWords
{
    /// <summary>How far around a candidate the case of the text is judged (see <see cref="IsLowerCaseRegion"/>).</summary>
    private const int CaseWindow = 80;

    /// <summary>
    /// Function words and counted nouns that never belong to a street or city name in en/de/fr/nl/es/it. They stop
    /// "I walked 5 miles down the road" or "j'habite au 12 rue de la paix depuis 3 ans" from swallowing prose.
    /// </summary>
    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        // en
        "the", "a", "an", "of", "on", "in", "at", "to", "and", "or", "for", "with", "from", "by", "down", "up", "into",
        "onto", "over", "under", "about", "is", "are", "was", "were", "be", "been", "it", "its", "my", "your", "his",
        "her", "our", "their", "this", "that", "these", "those", "i", "you", "he", "she", "we", "they", "me", "us",
        "them", "than", "then", "per", "each", "every", "all", "some", "many", "few", "other", "not", "no", "yes",
        "just", "only", "also", "very", "more", "less", "times", "miles", "blocks", "minutes", "hours", "days", "weeks",
        "months", "years", "people", "items", "steps", "ways", "points", "lines",
        // de
        "der", "die", "das", "dem", "des", "ein", "eine", "einen", "einem", "und", "oder", "ist", "sind", "war", "mit",
        "von", "zu", "bei", "nach", "aus", "für", "auf", "im", "am", "um", "wir", "ich", "sie", "er", "es", "nicht",
        "noch", "auch", "wohne", "wohnt", "seit", "bis",
        // fr
        "et", "à", "au", "aux", "pour", "par", "dans", "avec", "sans", "est", "sont", "mais", "ou", "où", "qui", "que",
        "je", "tu", "il", "elle", "nous", "vous", "ils", "elles", "depuis", "chez", "ce", "cette", "mon", "ma", "mes",
        "son", "sa", "ses", "un", "une", "pas", "plus",
        // nl, es, it
        "het", "een", "en", "op", "bij", "voor", "met", "el", "los", "las", "con", "por", "para", "lo", "gli",
        "che", "non",
    ]);

    /// <summary>Lower-case particles inside street and city names: "rue de la Paix", "Via della Spiga", "Frankfurt am Main".</summary>
    private static readonly FrozenSet<string> Particles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "de", "du", "des", "la", "le", "les", "sur", "sous", "en", "di", "da", "del", "della", "delle", "dei", "degli",
        "dello", "y", "e", "los", "las", "am", "an", "der", "den", "im", "aan", "op", "upon", "on",
    ]);

    /// <summary>Time and counting words after German "am/im/zum" that are not places: "Im Jahr 2020", "Am Montag 3".</summary>
    private static readonly FrozenSet<string> NotPlaces = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend", "januar", "jänner",
        "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember",
        "jahr", "tag", "monat", "ende", "anfang", "abend", "morgen", "mittag", "wochenende", "kapitel", "punkt",
        "schritt", "beispiel", "moment", "schluss", "ziel", "platz", "rang", "team", "level", "stand", "minute",
    ]);

    /// <summary>
    /// Words just before a house number that make it something else: "Chapter 3", "version 2", "Kapitel 4".
    /// A candidate after one of these is reported at <see cref="RecognizerScores.Informational"/>.
    /// </summary>
    private static readonly FrozenSet<string> NegativeContext = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "chapter", "version", "v", "page", "p", "step", "section", "part", "figure", "fig", "level", "episode", "season",
        "volume", "vol", "item", "line", "rule", "question", "top", "kapitel", "seite", "schritt", "abschnitt", "teil",
        "chapitre", "étape", "partie", "hoofdstuk", "stap", "pagina", "capitolo", "capítulo", "paso", "passo",
    ]);

    /// <summary>
    /// Words right after a number that make it a quantity, not a house number: "Supermarkt 24 Stunden",
    /// "Nationalpark 3 Tage", "Freizeitpark 2 Euro" (de, nl, en, fr). Floor words ("3 hoog") are not among them: the
    /// address tail takes those.
    /// </summary>
    private static readonly FrozenSet<string> QuantityWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "stunde", "stunden", "std", "minute", "minuten", "min", "sekunden", "tag", "tage", "tagen", "woche", "wochen",
        "monat", "monate", "monaten", "jahr", "jahre", "jahren", "mal", "uhr", "euro", "eur", "prozent", "km", "meter",
        "uur", "minuut", "dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "keer", "procent",
        "hours", "hour", "minutes", "days", "day", "weeks", "months", "years", "times", "percent", "dollars",
        "heures", "jours", "fois", "ans", "mois",
    ]);

    /// <summary>USPS state and territory codes, for the <c>, City, ST 12345</c> tail.</summary>
    private static readonly FrozenSet<string> UsStates = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
        "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
    ]);

    public static bool IsStopWord(ReadOnlySpan<char> word) => StopWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(TrimDot(word));

    public static bool IsParticle(ReadOnlySpan<char> word) => Particles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public static bool IsNotPlace(ReadOnlySpan<char> word) => NotPlaces.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public static bool IsUsState(ReadOnlySpan<char> code) => UsStates.GetAlternateLookup<ReadOnlySpan<char>>().Contains(code);

    /// <summary>True when the word right after <paramref name="end"/> (after blanks, same line) is a quantity word, or a
    /// currency or percent sign follows: the number before it counts something.</summary>
    public static bool HasQuantityAfter(string text, int end)
    {
        var begin = end;
        while (begin < text.Length && IsBlank(text[begin]))
        {
            begin++;
        }

        if (begin < text.Length && text[begin] is '%' or '€' or '$' or '£')
        {
            return true;
        }

        var stop = begin;
        while (stop < text.Length && char.IsLetter(text[stop]))
        {
            stop++;
        }

        return stop > begin && QuantityWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(begin, stop - begin));
    }

    /// <summary>True when the word right before <paramref name="start"/> (same line) is a negative context word.</summary>
    public static bool HasNegativeContextBefore(string text, int start)
    {
        var end = start;
        while (end > 0 && IsBlank(text[end - 1]))
        {
            end--;
        }

        var begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1]))
        {
            begin--;
        }

        return end > begin && NegativeContext.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(begin, end - begin));
    }

    /// <summary>
    /// True when the text around [start, end) (same line, at most 80 characters either side) has no ASCII capital
    /// letter: the writer does not capitalize, so names may be lower-case. Elsewhere a name word must start with a capital (which all-caps text satisfies).
    /// </summary>
    public static bool IsLowerCaseRegion(string text, int start, int end)
    {
        // The line the candidate stands on, at most CaseWindow either side: case style changes from line to line.
        var from = Math.Max(0, start - CaseWindow);
        var to = Math.Min(text.Length, end + CaseWindow);
        var before = text.AsSpan(from, start - from).LastIndexOf('\n');
        from = before < 0 ? from : from + before + 1;
        var after = text.AsSpan(end, to - end).IndexOf('\n');
        to = after < 0 ? to : end + after;
        return text.AsSpan(from, to - from).IndexOfAnyInRange('A', 'Z') < 0;
    }

    /// <summary>
    /// True when <paramref name="word"/> can be a name word: not a stop word, and capitalized unless the region is
    /// lower-case. Elided French articles count by the letter after the apostrophe (<c>l'Église</c>).
    /// </summary>
    public static bool IsNameWord(ReadOnlySpan<char> word, bool lowerCaseRegion)
    {
        if (word.IsEmpty || IsStopWord(word))
        {
            return false;
        }

        if (word.Length > 2 && word[1] is '\'' or '’' && word[0] is 'l' or 'L' or 'd' or 'D')
        {
            word = word[2..];
        }

        return lowerCaseRegion ? char.IsLetter(word[0]) : char.IsUpper(word[0]);
    }

    /// <summary>
    /// The end of a run of name words in [<paramref name="start"/>, <paramref name="limit"/>): name words, with
    /// particles between them (and before the first if <paramref name="leadingParticles"/>), at most
    /// <paramref name="maxWords"/> name words; a stop word, a lower-case word in capitalized text, a word glued to a
    /// following word character or a full stop ends it. Returns -1 when there is no name word.
    /// </summary>
    public static int NameRunEnd(string text, int start, int limit, bool lowerCaseRegion, int maxWords, bool leadingParticles, out bool sawParticle)
    {
        sawParticle = false;
        var end = -1;
        var words = 0;
        var i = start;
        while (i < limit && words < maxWords)
        {
            while (i < limit && IsBlank(text[i]))
            {
                i++;
            }

            var wordStart = i;
            while (i < limit && !IsBlank(text[i]))
            {
                i++;
            }

            var word = text.AsSpan(wordStart, i - wordStart);
            if ((leadingParticles || end >= 0) && IsParticle(word))
            {
                sawParticle = true;
                continue;
            }

            if (!IsNameWord(word, lowerCaseRegion) || TextBoundary.IsGluedAfter(text, i))
            {
                break;
            }

            words++;
            if (word.EndsWith('.'))
            {
                // A full stop ends the sentence, and the name with it.
                return i - 1;
            }

            end = i;
        }

        return end;
    }

    /// <summary>An English ordinal used as a street name: <c>5th</c>, <c>42nd</c>.</summary>
    public static bool IsOrdinal(ReadOnlySpan<char> word) =>
        word.Length >= 3 && char.IsAsciiDigit(word[0]) && IsOrdinalSuffix(word[^2..]);

    /// <summary><c>st</c>, <c>nd</c>, <c>rd</c> or <c>th</c>, any case.</summary>
    public static bool IsOrdinalSuffix(ReadOnlySpan<char> suffix) =>
        suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);

    /// <summary>The blanks that separate the words of an address: space, tab, no-break space (never a line break).</summary>
    public static bool IsBlank(char c) => c is ' ' or '\t' or '\u00A0';

    private static ReadOnlySpan<char> TrimDot(ReadOnlySpan<char> word) => word.EndsWith('.') ? word[..^1] : word;
}
