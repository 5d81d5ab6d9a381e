using PhoneNumbers;
using System.Globalization;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// The shape checks of <see cref="PhoneNumberRecognizer"/>: what libphonenumber would accept but is not a phone
/// number in running text, and whether a national number is grouped the way phone numbers are written.
/// </summary>
internal static class PhoneShape
{
    /// <summary>Grouping tiers of <see cref="GroupingTier"/>; an international number (with <c>+</c>) counts as <see cref="Written"/>.</summary>
    public const int Bare = 0;

    /// <inheritdoc cref="Bare"/>
    public const int ShortGroups = 1;

    /// <inheritdoc cref="Bare"/>
    public const int Written = 2;

    /// <summary>
    /// Dates, ZIP+4, IPv4, version chains, order numbers, decimals, prices and payment cards. A <c>+</c> number is
    /// never a price, so a currency sign next to it ("+44 20 7946 0958 $") does not hide it.
    /// </summary>
    public static bool IsFalsePositive(string text, int start, int end, ReadOnlySpan<char> raw)
    {
        if (TextBoundary.IsInsideNumericExpression(text, start, end) || (raw[0] != '+' && IsNextToCurrency(text, start, end)))
        {
            return true;
        }

        Span<char> digits = stackalloc char[32];
        var n = DigitBuffer.Collect(raw, digits);
        if (n < 0)
        {
            return true;
        }

        if (raw[0] != '+' && n is >= 13 and <= 19 && Luhn.IsValid(digits[..n]))
        {
            return true;
        }

        return LooksLikeDateOrDottedChain(raw);
    }

    /// <summary>
    /// How surely the writer's grouping marks one phone number: <see cref="Written"/> when it is the region's national
    /// format or the area code and then the rest in one block (see <see cref="SplitsOnceAfterAreaCode"/>);
    /// <see cref="ShortGroups"/> when the groups are merely short (see <see cref="HasShortGroups"/>);
    /// <see cref="Bare"/> otherwise. Both of the first two score as phone numbers; where single spaces join several
    /// numbers, <see cref="PhoneSubRuns"/> prefers the first kind when it cuts the run.
    /// </summary>
    public static int GroupingTier(ReadOnlySpan<char> raw, PhoneNumber number, PhoneNumberUtil util)
    {
        if (SetsCountryCodeApart(raw, number) || FollowsNationalFormat(raw, util.Format(number, PhoneNumberFormat.NATIONAL))
            || SplitsOnceAfterAreaCode(raw, number, util))
        {
            return Written;
        }

        return HasShortGroups(raw) ? ShortGroups : Bare;
    }

    /// <summary>
    /// An international number dialled with the international prefix instead of <c>+</c>, the prefix and country code
    /// written as their own group (<c>0033 6 12 34 56 78</c>, <c>0031-6-12345678</c>, <c>0049 (0)151 23456789</c>) or as
    /// two groups (<c>00 44 20 7946 0958</c>, <c>011-44-20-7946-0958</c> from North America): as plainly a phone number as
    /// its <c>+</c> writing. A run of digits alone (<c>00493012345678</c>) is not, as order and reference numbers also
    /// start with zeros.
    /// </summary>
    private static bool SetsCountryCodeApart(ReadOnlySpan<char> raw, PhoneNumber number)
    {
        // libphonenumber's matcher does not say how the country code was written (CountryCodeSource stays unset), so the
        // first group is compared: the prefix, then the country code the number was read with.
        var firstGroup = raw.IndexOfAnyExceptInRange('0', '9');
        if (firstGroup <= 0)
        {
            return false;
        }

        Span<char> countryCode = stackalloc char[4];
        if (!number.CountryCode.TryFormat(countryCode, out var written, default, CultureInfo.InvariantCulture))
        {
            return false;
        }

        var code = countryCode[..written];
        if (raw[..firstGroup] is "00" or "011")
        {
            // The prefix alone, then the country code as the next group: "00 44 20 7946 0958", "011-44-20-7946-0958".
            var rest = raw[firstGroup..].TrimStart(" -.\u00A0");
            var secondGroup = rest.IndexOfAnyExceptInRange('0', '9');
            return secondGroup > 0 && rest[..secondGroup].SequenceEqual(code);
        }

        return raw[..firstGroup].EndsWith(code)
            && (raw.StartsWith("00") ? firstGroup - written == 2 : raw.StartsWith("011") && firstGroup - written == 3); // 011 from North America
    }

    /// <summary>
    /// Two groups, the first the area code: as DIN 5008 writes it, 3-5 digits from the trunk prefix 0 and then a block
    /// of 5-9 ("0151 23456789", "030 12345678"), or as libphonenumber counts it, the trunk prefix as written and the
    /// national destination code ("06 12345678" in the Netherlands). The destination code is asked of libphonenumber
    /// only when the first does not hold.
    /// </summary>
    private static bool SplitsOnceAfterAreaCode(ReadOnlySpan<char> raw, PhoneNumber number, PhoneNumberUtil util)
    {
        var groups = 0;
        var first = 0;
        var second = 0;
        var firstDigit = '\0';
        var inGroup = false;
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                groups += inGroup ? 0 : 1;
                firstDigit = firstDigit == '\0' ? c : firstDigit;
                first += groups == 1 ? 1 : 0;
                second += groups == 2 ? 1 : 0;
                inGroup = true;
            }
            else
            {
                inGroup = false;
            }
        }

        if (groups != 2)
        {
            return false;
        }

        if (firstDigit == '0' && first is >= 3 and <= 5 && second is >= 5 and <= 9)
        {
            return true;
        }

        // The second group is then the subscriber number: the national significant number less the destination code.
        var destinationCode = util.GetLengthOfNationalDestinationCode(number);
        return destinationCode > 0 && second == util.GetNationalSignificantNumber(number).Length - destinationCode;
    }

    /// <summary>
    /// Groups as people write them freely: the first 1-5 digits, the others 2-4 ("030 1234 5678", "612 345 678"). An
    /// invoice number "2024-000123" that happens to be a valid US number is not.
    /// </summary>
    internal static bool HasShortGroups(ReadOnlySpan<char> raw)
    {
        var group = 0;
        var first = true;
        for (var k = 0; k <= raw.Length; k++)
        {
            if (k < raw.Length && char.IsAsciiDigit(raw[k]))
            {
                group++;
                continue;
            }

            if (group > 0)
            {
                if (first ? group > 5 : group is < 2 or > 4)
                {
                    return false;
                }

                first = false;
                group = 0;
            }
        }

        return true;
    }

    /// <summary>
    /// Every split the writer made (counted from the end) is one the region's national format makes ("(212) 555-1234",
    /// "1-800-555-0199", "(030) 12345678").
    /// </summary>
    internal static bool FollowsNationalFormat(ReadOnlySpan<char> raw, ReadOnlySpan<char> nationalFormat)
    {
        var formatDigits = DigitBuffer.Count(nationalFormat);

        var fromEnd = 0;
        var pendingSplit = false;
        for (var k = raw.Length - 1; k >= 0; k--)
        {
            if (!char.IsAsciiDigit(raw[k]))
            {
                pendingSplit = fromEnd > 0;
                continue;
            }

            if (pendingSplit && fromEnd < formatDigits && !IsSplitAt(nationalFormat, fromEnd))
            {
                return false;
            }

            pendingSplit = false;
            fromEnd++;
        }

        return true;
    }

    /// <summary>True when <paramref name="format"/> has a non-digit between its digits at <paramref name="fromEnd"/> digits from the end.</summary>
    private static bool IsSplitAt(ReadOnlySpan<char> format, int fromEnd)
    {
        var seen = 0;
        for (var k = format.Length - 1; k > 0; k--)
        {
            if (char.IsAsciiDigit(format[k]))
            {
                seen++;
                if (seen == fromEnd)
                {
                    return !char.IsAsciiDigit(format[k - 1]);
                }
            }
        }

        return false;
    }

    /// <summary>2024-01-15, 15/01/2024, 15.01.24, 192.168.100.200, ZIP+4 90210-1234: groups joined by one repeated separator.</summary>
    private static bool LooksLikeDateOrDottedChain(ReadOnlySpan<char> raw)
    {
        Span<int> groupLengths = stackalloc int[8];
        var groups = 0;
        var length = 0;
        var separator = '\0';
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                length++;
                continue;
            }

            if (c is not ('-' or '/' or '.') || (separator != '\0' && c != separator) || length == 0 || groups == groupLengths.Length - 1)
            {
                return false;
            }

            separator = c;
            groupLengths[groups++] = length;
            length = 0;
        }

        groupLengths[groups++] = length;
        if (groups == 2 && separator == '-' && groupLengths[0] == 5 && groupLengths[1] == 4)
        {
            return true; // US ZIP+4
        }

        if (groups == 4 && separator == '.')
        {
            return groupLengths[0] <= 3 && groupLengths[1] <= 3 && groupLengths[2] <= 3 && groupLengths[3] <= 3;
        }

        if (groups != 3)
        {
            return false;
        }

        var (a, b, c2) = (groupLengths[0], groupLengths[1], groupLengths[2]);
        return (a == 4 && b <= 2 && c2 <= 2) || (a <= 2 && b <= 2 && c2 is 2 or 4);
    }

    private static bool IsNextToCurrency(string text, int start, int end)
    {
        var before = start - 1;
        if (before >= 0 && text[before] == ' ')
        {
            before--;
        }

        var after = end;
        if (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        return (before >= 0 && CharUnicodeInfo.GetUnicodeCategory(text[before]) == UnicodeCategory.CurrencySymbol)
            || (after < text.Length && CharUnicodeInfo.GetUnicodeCategory(text[after]) == UnicodeCategory.CurrencySymbol);
    }
}
