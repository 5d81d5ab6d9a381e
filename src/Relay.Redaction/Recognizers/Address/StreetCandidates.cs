using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Address;

/// <summary>
/// Validates the regex candidates of <see cref="StreetAddressPatterns"/>: name words must be capitalized (unless the
/// text around is all lower-case) and never stop words, house numbers must stand alone, and a few ambiguous shapes
/// are rejected by word list. Returns null for a candidate that is not an address.
/// </summary>
internal static class StreetCandidates
{
    private const string Blanks = " \t\u00A0";

    /// <summary>English words that end like a German "-ring" street.</summary>
    private static readonly string[] RingWords =
        ["string", "spring", "bring", "during", "substring", "offspring", "tostring", "earring", "herring", "wring"];

    public static AddressMatch? English(string text, EnglishStreetCandidate c)
    {
        var lower = AddressWords.IsLowerCaseRegion(text, c.Start, c.End);
        if (!HouseNumberStandsAlone(text, c.Start, c.NumberEnd - c.Start)
            || !AllNameWords(text.AsSpan(c.NameStart, c.NameEnd - c.NameStart), lower, particles: false))
        {
            return null;
        }

        var start = UnitBefore(text, c.Start);
        return new AddressMatch(start, c.End, NumberFirstScore(text, start), lower);
    }

    public static AddressMatch? French(string text, Match m)
    {
        var lower = AddressWords.IsLowerCaseRegion(text, m.Index, m.Index + m.Length);
        if (!HouseNumberStandsAlone(text, m.Groups["num"]))
        {
            return null;
        }

        // The pattern takes every word to the end of the line; keep particles and name words, stop at anything else.
        var name = m.Groups["name"];
        var type = m.Groups["type"].ValueSpan;
        var englishType = IsEnglishWord(type);

        // "rue", "impasse", "quai", ... after a house number say "French street" so strongly that the name may be
        // lower-case even in capitalized text ("au 789 rue montorgueil est inondée"); stop words still end it.
        var lowerNames = lower || (!englishType && !char.IsUpper(type[0]));
        var end = AddressWords.NameRunEnd(text, name.Index, name.Index + name.Length, lowerNames, lowerNames ? 3 : 4, leadingParticles: true, out var particle);

        // In lower-case text "3 route changes" is English: a type word that is also an English word needs "de", "du", ...
        if (end < 0 || (lower && !particle && englishType))
        {
            return null;
        }

        return new AddressMatch(m.Index, end, NumberFirstScore(text, m.Index), lower);
    }

    public static AddressMatch? GermanDutch(string text, Match m)
    {
        var lower = AddressWords.IsLowerCaseRegion(text, m.Index, m.Index + m.Length);
        var street = m.Groups["street"];
        var adjective = m.Groups["adj"];
        var adjectiveOk = adjective.Success && IsAdjective(text.AsSpan(adjective.Index, adjective.Length), lower);
        var word = text.AsSpan(street.Index, street.Length);
        if (m.Groups["type"].Success ? !adjectiveOk : !AddressWords.IsNameWord(word, lower) || IsEnglishRingWord(word))
        {
            return null;
        }

        var number = m.Groups["num"];
        if (!HouseNumberStandsAlone(text, number) || AddressWords.HasQuantityAfter(text, number.Index + number.Length))
        {
            return null;
        }

        return new AddressMatch(adjectiveOk ? adjective.Index : street.Index, m.Index + m.Length, RecognizerScores.Formatted, lower);
    }

    public static AddressMatch? GermanPreposition(string text, Match m)
    {
        // Weak shape ("Am Markt 3" reads like "Am Montag 3"): always capitalized, never a time word, and below the
        // default threshold unless a context word or a postcode/city tail confirms it.
        var preposition = m.Groups["prep"];
        var name = m.Groups["name"];
        if (!char.IsUpper(text[preposition.Index]) || !HouseNumberStandsAlone(text, m.Groups["num"]))
        {
            return null;
        }

        var words = text.AsSpan(name.Index, name.Length);
        foreach (var range in words.SplitAny(Blanks))
        {
            var word = words[range];
            if (!word.IsEmpty && (!char.IsUpper(word[0]) || AddressWords.IsStopWord(word) || AddressWords.IsNotPlace(word)))
            {
                return null;
            }
        }

        return new AddressMatch(preposition.Index, m.Index + m.Length, RecognizerScores.ShapeOnly, LowerCaseRegion: false);
    }

    public static AddressMatch? SpanishItalian(string text, Match m)
    {
        var lower = AddressWords.IsLowerCaseRegion(text, m.Index, m.Index + m.Length);
        var type = m.Groups["type"];

        // Lower-case "via" is the English preposition ("via email 3 times").
        if (type.Length == 3 && text.AsSpan(type.Index, 3).Equals("via", StringComparison.OrdinalIgnoreCase) && !char.IsUpper(text[type.Index]))
        {
            return null;
        }

        var name = m.Groups["name"];
        if (!AllNameWords(text.AsSpan(name.Index, name.Length), lower, particles: true) || !HouseNumberStandsAlone(text, m.Groups["num"]))
        {
            return null;
        }

        return new AddressMatch(type.Index, m.Index + m.Length, RecognizerScores.Formatted, lower);
    }

    /// <summary>
    /// en, number after the street: the name words are the name words (capitalized, or any in lower-case text; never
    /// stop words) right before the street type, at least one and at most three; the type is capitalized like them;
    /// the number is no quantity (<c>Oxford Street 3 times</c>). The start is not bounded by a house number as in the
    /// number-first shape, so a capitalized word before the name joins it (<c>Contact Baker Street 221B</c> is one
    /// span): over-redaction, never a leak.
    /// </summary>
    public static AddressMatch? EnglishNumberAfter(string text, Match m)
    {
        var name = m.Groups["name"];
        var type = m.Groups["type"];
        var number = m.Groups["num"];
        var lower = AddressWords.IsLowerCaseRegion(text, name.Index, m.Index + m.Length);
        if ((!lower && !char.IsUpper(text[type.Index])) || !HouseNumberStandsAlone(text, number)
            || AddressWords.HasQuantityAfter(text, number.Index + number.Length))
        {
            return null;
        }

        // Walk back from the street type over name words; a stop word or a lower-case word in capitalized text ends it.
        var start = -1;
        var words = text.AsSpan(name.Index, name.Length);
        var end = words.Length;
        while (end > 0)
        {
            var blank = words[..end].LastIndexOfAny(Blanks);
            var word = words[(blank + 1)..end];
            if (!AddressWords.IsNameWord(word, lower) || AddressWords.IsNotPlace(word))
            {
                break;
            }

            start = name.Index + blank + 1;
            end = blank < 0 ? 0 : words[..blank].TrimEnd(Blanks).Length;
        }

        return start < 0 ? null : new AddressMatch(start, m.Index + m.Length, RecognizerScores.Formatted, lower);
    }

    /// <summary>
    /// A post-office box (<see cref="StreetAddressPatterns.PostBox"/>): the number must stand alone. <c>BP</c> without
    /// dots (upper-case, the oil company otherwise) and a bare <c>apartado</c> (also a paragraph of a law) count only
    /// with a postcode or city right after them. <see cref="RecognizerScores.Formatted"/>; the tail lifts it as for
    /// streets.
    /// </summary>
    public static AddressMatch? PostBox(string text, Match m)
    {
        var number = m.Groups["num"];
        var numberEnd = number.Index + number.Length;
        var lower = AddressWords.IsLowerCaseRegion(text, m.Index, numberEnd);
        if (!HouseNumberStandsAlone(text, number))
        {
            return null;
        }

        var box = text.AsSpan(m.Groups["box"].Index, m.Groups["box"].Length);
        var ambiguous = box.Equals("bp", StringComparison.OrdinalIgnoreCase) || box.Equals("apartado", StringComparison.OrdinalIgnoreCase);
        if (ambiguous
            && ((box[0] == 'b' && !lower) || AddressTail.Extend(text, numberEnd, lower) < 0))
        {
            return null;
        }

        return new AddressMatch(m.Index, numberEnd, RecognizerScores.Formatted, lower);
    }

    /// <summary>
    /// A street without a street-type word, accepted only with the postcode and city after it (the match already ends
    /// after the city, so <see cref="StreetAddressRecognizer"/> does not lift its score again). A Dutch postcode
    /// (four digits, two letters) is distinctive: <see cref="RecognizerScores.Structural"/>. A five-digit one is not:
    /// German capitalizes every noun, so "Runde 3, 20000 Zuschauer" has the same shape; it is reported at
    /// <see cref="RecognizerScores.ShapeOnly"/>, below the default threshold unless a context word ("Adresse",
    /// "deliver", ...) lifts it.
    /// </summary>
    public static AddressMatch? PostcodeConfirmed(string text, Match m)
    {
        var number = m.Groups["num"];
        var name = m.Groups["name"];
        var numberEnd = number.Index + number.Length;
        var lower = AddressWords.IsLowerCaseRegion(text, name.Index, numberEnd);
        if (!HouseNumberStandsAlone(text, number) || AddressWords.HasNegativeContextBefore(text, number.Index))
        {
            return null;
        }

        // The word before the number must be a place-like name word; the one before it joins only if it is one too
        // and written in title case ("Oude Delft 9"): in lower-case or upper-case text any word looks like a name
        // ("naar damrak 1", "NAAR STICHTINGWEG 403").
        var words = text.AsSpan(name.Index, name.Length);
        var last = words.LastIndexOfAny(Blanks);
        var start = name.Index;
        if (last >= 0)
        {
            var first = words[..words.IndexOfAny(Blanks)];
            var titleCase = !lower && IsStreetNameWord(first, lowerCaseRegion: false) && HasLowerCaseLetter(first[1..]);
            start = titleCase ? name.Index : name.Index + last + 1;
            words = words[(last + 1)..];
        }

        if (!IsStreetNameWord(words, lower))
        {
            return null;
        }

        var postcode = m.Groups["pc"].Success ? m.Groups["pc"] : m.Groups["nl"];
        if (AddressWords.HasQuantityAfter(text, postcode.Index + postcode.Length))
        {
            return null;
        }

        var end = AddressTail.Extend(text, numberEnd, lower);
        if (end < 0)
        {
            return null;
        }

        var score = m.Groups["nl"].Success ? RecognizerScores.Structural : RecognizerScores.ShapeOnly;
        return new AddressMatch(start, end, score, lower);
    }

    private static bool IsStreetNameWord(ReadOnlySpan<char> word, bool lowerCaseRegion) =>
        AddressWords.IsNameWord(word, lowerCaseRegion) && !AddressWords.IsNotPlace(word);

    private static bool HasLowerCaseLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when every word is a name word (without particles: ordinals such as <c>5th</c> count as names; with
    /// particles: <c>de</c>, <c>della</c>, ... are allowed too), and at least one word is not a particle.
    /// </summary>
    internal static bool AllNameWords(ReadOnlySpan<char> words, bool lowerCaseRegion, bool particles)
    {
        var named = false;
        foreach (var range in words.SplitAny(Blanks))
        {
            var word = words[range];
            if (word.IsEmpty || (particles && AddressWords.IsParticle(word)))
            {
                continue;
            }

            if (!(!particles && AddressWords.IsOrdinal(word)) && !AddressWords.IsNameWord(word, lowerCaseRegion))
            {
                return false;
            }

            named = true;
        }

        return named;
    }

    /// <summary>
    /// Where a flat or unit written before the house number starts (<c>Flat 3, </c>, <c>Apt. 4B </c>,
    /// <c>Suite 200, </c>), or <paramref name="number"/> when there is none.
    /// </summary>
    private static int UnitBefore(string text, int number)
    {
        var i = number;
        var blanks = i;
        while (i > 0 && Blanks.Contains(text[i - 1]))
        {
            i--;
        }

        if (i == blanks || i == 0)
        {
            return number;
        }

        i -= text[i - 1] == ',' ? 1 : 0;
        i -= i > 0 && char.IsAsciiLetter(text[i - 1]) ? 1 : 0;
        var digitsEnd = i;
        while (i > 0 && char.IsAsciiDigit(text[i - 1]) && digitsEnd - i < 4)
        {
            i--;
        }

        var digitsStart = i;
        while (i > 0 && Blanks.Contains(text[i - 1]))
        {
            i--;
        }

        if (digitsStart == digitsEnd || i == digitsStart)
        {
            return number;
        }

        var wordEnd = i > 0 && text[i - 1] == '.' ? i - 1 : i;
        var wordStart = wordEnd;
        while (wordStart > 0 && char.IsAsciiLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, wordEnd - wordStart);
        var isUnit = word.Equals("flat", StringComparison.OrdinalIgnoreCase) || word.Equals("apt", StringComparison.OrdinalIgnoreCase)
            || word.Equals("apartment", StringComparison.OrdinalIgnoreCase) || word.Equals("unit", StringComparison.OrdinalIgnoreCase)
            || word.Equals("suite", StringComparison.OrdinalIgnoreCase);
        return isUnit && (wordStart == 0 || !TextBoundary.IsWordChar(text[wordStart - 1])) ? wordStart : number;
    }

    /// <summary>A house number is not the tail of a decimal, a version or a <c>#</c> reference.</summary>
    private static bool HouseNumberStandsAlone(string text, Group number) => HouseNumberStandsAlone(text, number.Index, number.Length);

    private static bool HouseNumberStandsAlone(string text, int index, int length) =>
        !TextBoundary.IsInsideNumericExpression(text, index, index + length)
        && text.AsSpan(index, length).ContainsAnyInRange('1', '9');

    /// <summary>Number-first shapes after "Chapter", "version", "Kapitel", ... are reported below the threshold.</summary>
    private static double NumberFirstScore(string text, int start) =>
        AddressWords.HasNegativeContextBefore(text, start) ? RecognizerScores.Informational : RecognizerScores.Formatted;

    private static bool IsEnglishWord(ReadOnlySpan<char> frenchType) =>
        frenchType.Equals("place", StringComparison.OrdinalIgnoreCase) || frenchType.Equals("route", StringComparison.OrdinalIgnoreCase)
        || frenchType.Equals("square", StringComparison.OrdinalIgnoreCase) || frenchType.Equals("passage", StringComparison.OrdinalIgnoreCase)
        || frenchType.Equals("avenue", StringComparison.OrdinalIgnoreCase) || frenchType.Equals("boulevard", StringComparison.OrdinalIgnoreCase)
        || frenchType.Equals("cours", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Berliner", "Alte", "Neuen", "Oude": a capitalized word with an adjective ending before a street word.</summary>
    private static bool IsAdjective(ReadOnlySpan<char> word, bool lowerCaseRegion) =>
        AddressWords.IsNameWord(word, lowerCaseRegion)
        && (word.EndsWith("er", StringComparison.OrdinalIgnoreCase) || word.EndsWith('e') || word.EndsWith('E')
            || word.EndsWith("en", StringComparison.OrdinalIgnoreCase) || word.EndsWith("es", StringComparison.OrdinalIgnoreCase));

    private static bool IsEnglishRingWord(ReadOnlySpan<char> word)
    {
        if (!word.EndsWith("ring", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // "offering", "monitoring", "during": a vowel before "ring" is an English -ing form; German ring roads are
        // compounds on a consonant (Kaiserring, Ostring, Hohenzollernring).
        if (word.Length > 4 && "aeiouyAEIOUY".Contains(word[^5]))
        {
            return true;
        }

        foreach (var english in RingWords)
        {
            if (word.Equals(english, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
