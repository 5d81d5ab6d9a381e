using System.Globalization;
using PhoneNumbers;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// PHONE_NUMBER, validated by libphonenumber (<see cref="PhoneNumberUtil.FindNumbers(string, string, PhoneNumberUtil.Leniency, long)"/>
/// with leniency VALID). A cheap scan first cuts the text into candidate windows (runs of digits and phone punctuation
/// holding at least 7 digits), and only those windows go through libphonenumber: once for a <c>+</c> number (any
/// country), once per configured region for a national-format number. Dates, prices, IPv4 addresses, version-like
/// chains, <c>#</c> order numbers and Luhn-valid card numbers are rejected. International or formatted numbers
/// score <see cref="RecognizerScores.Structural"/>; a bare national digit run scores <see cref="RecognizerScores.ShapeOnly"/>
/// (a context word lifts it).
/// </summary>
internal sealed class PhoneNumberRecognizer : IRecognizer
{
    private const int MinDigits = 7;
    private const int MaxTriesPerWindow = 16;
    private const string AnyRegion = "ZZ";

    private readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();
    private readonly RegionPlan[] _regions;

    public PhoneNumberRecognizer(RecognizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var supported = _util.GetSupportedRegions();
        var regions = new List<string>();
        var unknown = new List<string>();
        foreach (var raw in options.PhoneRegions)
        {
            var region = (raw ?? "").Trim().ToUpperInvariant();
            if (!supported.Contains(region))
            {
                unknown.Add(region);
            }
            else if (!regions.Contains(region))
            {
                regions.Add(region);
            }
        }

        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown phone regions: {string.Join(", ", unknown)}. Use ISO 3166 codes libphonenumber supports.",
                nameof(options));
        }

        _regions = [.. regions.Select(r => RegionPlan.Create(_util, r))];
    }

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.PhoneNumber];

    public IReadOnlyList<string> Context { get; } =
        ["phone", "tel", "telephone", "mobile", "cell", "call", "fax", "whatsapp", "telefon", "téléphone", "teléfono", "telefono", "handy", "portable"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        var firstOwn = results.Count;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var startsWindow = char.IsAsciiDigit(c)
                || (c is '+' or '(' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]));
            if (!startsWindow)
            {
                i++;
                continue;
            }

            // A run glued to a word ("A7(212) 555-1234", "x+49 30 ...") is skipped as a whole, never cut into.
            var glued = i > 0 && (TextBoundary.IsWordChar(text[i - 1]) || text[i - 1] is '+' or '(');
            var end = ScanWindow(text, i, out var digits);
            if (!glued && digits >= MinDigits && (end >= text.Length || !TextBoundary.IsWordChar(text[end])))
            {
                AnalyzeWindow(text, i, end, digits, results, firstOwn);
            }

            i = end + 1;
        }
    }

    private static int ScanWindow(string text, int start, out int digits)
    {
        digits = 0;
        var lastDigitEnd = start;
        var separatorRun = 0;
        for (var j = start; j < text.Length; j++)
        {
            var c = text[j];
            if (char.IsAsciiDigit(c))
            {
                digits++;
                separatorRun = 0;
                lastDigitEnd = j + 1;
            }
            else if ((j == start && c == '+') || (IsPhonePunctuation(c) && ++separatorRun <= 2))
            {
                continue;
            }
            else
            {
                break;
            }
        }

        // Trailing punctuation is never part of a number.
        return lastDigitEnd;
    }

    private void AnalyzeWindow(string text, int start, int end, int digits, List<EntitySpan> results, int firstOwn)
    {
        // Reject whole windows that are dates, prices, order numbers, addresses or cards before paying for libphonenumber.
        if (IsFalsePositive(text, start, end, text.AsSpan(start, end - start)))
        {
            return;
        }

        string? window = null;
        if (text[start] == '+')
        {
            window = text.Substring(start, end - start);
            AddMatches(text, start, window, AnyRegion, results, firstOwn);
            return;
        }

        var firstDigit = text[start] == '(' ? text[start + 1] : text[start];
        foreach (var region in _regions)
        {
            if (region.CouldHold(digits, firstDigit))
            {
                window ??= text.Substring(start, end - start);
                AddMatches(text, start, window, region.Code, results, firstOwn);
            }
        }
    }

    private void AddMatches(string text, int offset, string window, string region, List<EntitySpan> results, int firstOwn)
    {
        foreach (var match in _util.FindNumbers(window, region, PhoneNumberUtil.Leniency.VALID, MaxTriesPerWindow))
        {
            var start = offset + match.Start;
            var end = start + match.Length;
            var raw = text.AsSpan(start, end - start);
            if (OverlapsOwn(results, firstOwn, start, end) || IsFalsePositive(text, start, end, raw))
            {
                continue;
            }

            var international = raw[0] == '+';
            var formatted = international || raw.ContainsAnyExcept("0123456789");
            var score = formatted ? RecognizerScores.Structural : RecognizerScores.ShapeOnly;
            results.Add(new EntitySpan(EntityTypes.PhoneNumber, start, end, score, nameof(PhoneNumberRecognizer)));
        }
    }

    private static bool OverlapsOwn(List<EntitySpan> results, int firstOwn, int start, int end)
    {
        for (var k = firstOwn; k < results.Count; k++)
        {
            if (results[k].Start < end && start < results[k].End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFalsePositive(string text, int start, int end, ReadOnlySpan<char> raw)
    {
        if (TextBoundary.IsInsideNumericExpression(text, start, end) || IsNextToCurrency(text, start, end))
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

    /// <summary>2024-01-15, 15/01/2024, 15.01.24, 192.168.100.200: three or four groups joined by one repeated separator.</summary>
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

    private static bool IsPhonePunctuation(char c) => c is ' ' or '-' or '.' or '(' or ')' or '/' or '\u00A0';
}
