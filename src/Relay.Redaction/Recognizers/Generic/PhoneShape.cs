using System.Globalization;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// The shape checks of <see cref="PhoneNumberRecognizer"/>: what libphonenumber would accept but is not a phone
/// number in running text, and whether a national number is grouped the way phone numbers are written.
/// </summary>
internal static class PhoneShape
{
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
    /// True when the writer grouped the digits the way phone numbers are grouped: either every split (counted from
    /// the end) is one the region's national format makes ("(212) 555-1234", "1-800-555-0199", "(030) 12345678"), or
    /// the groups are short as people write them freely ("030 1234 5678", "612 345 678": first group 1-5 digits,
    /// the others 2-4). An invoice number "2024-000123" that happens to be a valid US number is neither, and scores as
    /// a bare digit run.
    /// </summary>
    public static bool HasPlausibleGrouping(ReadOnlySpan<char> raw, ReadOnlySpan<char> nationalFormat) =>
        FollowsNationalFormat(raw, nationalFormat) || HasShortGroups(raw);

    private static bool HasShortGroups(ReadOnlySpan<char> raw)
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

    private static bool FollowsNationalFormat(ReadOnlySpan<char> raw, ReadOnlySpan<char> nationalFormat)
    {
        var formatDigits = 0;
        foreach (var c in nationalFormat)
        {
            formatDigits += char.IsAsciiDigit(c) ? 1 : 0;
        }

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
