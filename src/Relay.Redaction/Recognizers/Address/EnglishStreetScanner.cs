using System.Collections.Frozen;
using System.Globalization;

namespace StealthRelay.Redaction.Recognizers.Address;

/// <summary>
/// Finds the candidates of the English (US/UK) street shape, <c>number name-words street-type [direction] [unit]</c>
/// (<c>221B Baker Street</c>, <c>1600 Pennsylvania Avenue NW</c>, <c>5 Main St, Apt 4</c>), in code rather than one
/// regex: the same language as the regex it replaced, match for match (kept as the tests' reference,
/// <c>EnglishStreetReference</c>, and compared at every start position of generated texts), at a fraction of the cost.
/// The regex tried a 150-word alternation after every name word following every number and backtracked through each
/// word on failure (38% of all recognizers' CPU on digit-dense prompts); here a number is parsed once, its following
/// words are looked up in a hash set, and only the direction/unit suffix is left to a small anchored regex.
/// </summary>
internal static class EnglishStreetScanner
{
    private const int MaxNameWords = 4;
    private const int MaxTypeWords = 3;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TypeLookup =
        Expand(StreetAddressPatterns.EnglishStreetTypes).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        StreetAddressPatterns.EnglishStreetAbbreviations.Split('|').ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The first candidate whose number starts at or after <paramref name="from"/>, or null.</summary>
    public static EnglishStreetCandidate? Find(string text, int from)
    {
        var i = from;
        while (i < text.Length)
        {
            var digit = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (digit < 0)
            {
                return null;
            }

            var start = i + digit;
            if (start == 0 || !IsBeforeNumberForbidden(text[start - 1]))
            {
                if (TryMatchAt(text, start) is { } candidate)
                {
                    return candidate;
                }
            }

            // A digit run never starts a candidate inside itself (the character before would be a digit).
            i = start + 1;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return null;
    }

    private static EnglishStreetCandidate? TryMatchAt(string text, int start)
    {
        var numberEnd = HouseNumberEnd(text, start);
        if (numberEnd < 0)
        {
            return null;
        }

        var p = SkipBlanks(text, numberEnd);
        if (p == numberEnd)
        {
            return null;
        }

        // Lazy like the regex: the fewest name words (at least one) after which a street type follows.
        var nameStart = p;
        for (var names = 1; names <= MaxNameWords; names++)
        {
            var wordEnd = NameWordEnd(text, p);
            if (wordEnd < 0)
            {
                return null;
            }

            var next = SkipBlanks(text, wordEnd);
            if (next == wordEnd)
            {
                return null;
            }

            p = next;
            var typeEnd = StreetTypeEnd(text, p);
            if (typeEnd < 0)
            {
                continue;
            }

            var nameEnd = p;
            for (var types = 1; types < MaxTypeWords; types++)
            {
                var blanksEnd = SkipBlanks(text, typeEnd);
                var moreEnd = blanksEnd > typeEnd ? StreetTypeEnd(text, blanksEnd) : -1;
                if (moreEnd < 0)
                {
                    break;
                }

                typeEnd = moreEnd;
            }

            var suffix = StreetAddressPatterns.EnglishSuffix().Match(text, typeEnd);
            var end = suffix.Success ? typeEnd + suffix.Length : typeEnd;
            return new EnglishStreetCandidate(start, end, numberEnd, nameStart, nameEnd);
        }

        return null;
    }

    /// <summary>
    /// <c>[0-9]{1,5}[a-z]?(-[0-9]{1,5}[a-z]?)?</c> followed by a blank, or -1. Taking the longest form is exact: every
    /// shorter form would be followed by a digit, letter or hyphen, never by the blank the shape needs next.
    /// </summary>
    private static int HouseNumberEnd(string text, int start)
    {
        var p = DigitsEnd(text, start);
        if (p < 0)
        {
            return -1;
        }

        p = p < text.Length && char.IsAsciiLetter(text[p]) ? p + 1 : p;
        if (p + 1 < text.Length && text[p] == '-' && DigitsEnd(text, p + 1) is var second and >= 0)
        {
            p = second < text.Length && char.IsAsciiLetter(text[second]) ? second + 1 : second;
        }

        return p < text.Length && AddressWords.IsBlank(text[p]) ? p : -1;
    }

    /// <summary>The end of a run of one to five ASCII digits starting at <paramref name="start"/>, or -1.</summary>
    private static int DigitsEnd(string text, int start)
    {
        var p = start;
        while (p < text.Length && char.IsAsciiDigit(text[p]))
        {
            p++;
        }

        return p > start && p - start <= 5 ? p : -1;
    }

    /// <summary>
    /// The end of one name word at <paramref name="p"/>: an ordinal (<c>5th</c>, <c>42nd</c>: one to four digits, not
    /// starting with 0) or a letter followed by letters, apostrophes and hyphens; -1 when neither.
    /// </summary>
    private static int NameWordEnd(string text, int p)
    {
        if (p >= text.Length)
        {
            return -1;
        }

        var c = text[p];
        if (c is >= '1' and <= '9')
        {
            var digitsEnd = p + 1;
            while (digitsEnd < text.Length && char.IsAsciiDigit(text[digitsEnd]) && digitsEnd - p < 4)
            {
                digitsEnd++;
            }

            // Fewer digits leave a digit where the suffix must be: only the longest run can be an ordinal.
            var suffix = text.AsSpan(digitsEnd, Math.Min(2, text.Length - digitsEnd));
            return suffix.Length == 2 && AddressWords.IsOrdinalSuffix(suffix) ? digitsEnd + 2 : -1;
        }

        if (!char.IsLetter(c))
        {
            return -1;
        }

        var end = p + 1;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] is '\'' or '’' or '-'))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// The end of a street-type word at <paramref name="p"/> (the whole word, then a dot only after an abbreviation
    /// and only when no word character follows it), or -1.
    /// </summary>
    private static int StreetTypeEnd(string text, int p)
    {
        var end = p;
        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }

        var word = text.AsSpan(p, end - p);
        if (word.IsEmpty)
        {
            return -1;
        }

        if (TypeLookup.Contains(word))
        {
            return end;
        }

        if (!AbbreviationLookup.Contains(word))
        {
            return -1;
        }

        return end < text.Length && text[end] == '.' && (end + 1 == text.Length || !IsWordChar(text[end + 1])) ? end + 1 : end;
    }

    private static int SkipBlanks(string text, int p)
    {
        while (p < text.Length && AddressWords.IsBlank(text[p]))
        {
            p++;
        }

        return p;
    }

    /// <summary><c>[\p{L}\p{N}_]</c>: letters, any numeric character (not only decimal digits) and the underscore.</summary>
    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || c == '_' || char.GetUnicodeCategory(c) is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary>A house number does not continue a word, a number, an amount or a <c>#</c> reference.</summary>
    private static bool IsBeforeNumberForbidden(char c) => IsWordChar(c) || c is '$' or '€' or '£' or '#';

    /// <summary>Expands <c>streets?|avenue|...</c> into <c>street</c>, <c>streets</c>, <c>avenue</c>, ...</summary>
    private static IEnumerable<string> Expand(string alternation)
    {
        foreach (var word in alternation.Split('|'))
        {
            if (word.EndsWith("s?", StringComparison.Ordinal))
            {
                yield return word[..^2];
                yield return word[..^1];
            }
            else
            {
                yield return word;
            }
        }
    }
}
