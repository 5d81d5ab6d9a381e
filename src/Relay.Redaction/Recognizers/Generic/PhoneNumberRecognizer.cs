using PhoneNumbers;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// PHONE_NUMBER, validated by libphonenumber (<see cref="PhoneNumberUtil.FindNumbers(string, string, PhoneNumberUtil.Leniency, long)"/>
/// with leniency VALID). A cheap scan first cuts the text into candidate windows (runs of digits and phone punctuation
/// holding at least 7 digits), and only those windows go through libphonenumber: once for a <c>+</c> number (any
/// country), once per configured region for a national-format number or one dialled with the region's international
/// prefix (<c>011 44 20 7946 0958</c>). Dates, prices, IPv4 addresses, version-like chains, ZIP+4 codes, <c>#</c>
/// order numbers and Luhn-valid card numbers are rejected. International numbers and national numbers grouped like
/// phone numbers (see <see cref="PhoneShape.GroupingTier"/>) score
/// <see cref="RecognizerScores.Structural"/>; a bare or oddly grouped national digit run scores
/// <see cref="RecognizerScores.ShapeOnly"/> (a context word lifts it). When several regions read the same digits, the
/// best-scoring reading is kept. A window that holds several numbers joined by spaces ("+44 20 7946 0958  4111 1111 1111
/// 1111") is not one number, so the parts of it no reading covers are retried as sub-runs cut at the spaces
/// (<see cref="PhoneSubRuns"/>).
/// </summary>
internal sealed class PhoneNumberRecognizer : IRecognizer
{
    private const int MinDigits = 7;
    private const int MaxTriesPerWindow = 16;
    private const int MaxChunkDigits = 64;
    private const string AnyRegion = "ZZ";

    private readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();
    private readonly RegionPlan[] _regions;
    private readonly PhoneSubRuns.WindowAnalyzer _analyzeWindow;

    public PhoneNumberRecognizer(RecognizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.PhoneRegions);
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
        _analyzeWindow = AnalyzeWindow;
    }

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.PhoneNumber];

    public IReadOnlyList<string> Context { get; } =
        ["phone", "tel", "telephone", "mobile", "cell", "call", "fax", "whatsapp", "telefon", "téléphone", "teléfono", "telefono", "handy", "portable"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

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
                AnalyzeRun(text, i, end, digits, results);
            }
            else if (!glued && digits >= MinDigits && c == '+')
            {
                // An international run ends glued to a word ("+44 20 7946 0958 0a"): that last piece belongs to the
                // word, but what stands before the last space can still be a whole number. Only with an explicit '+'
                // start: a national run glued to letters ("06 12 34 56 78qZ") stays unreported as a whole.
                AnalyzeBeforeGluedTail(text, i, end, results);
            }

            i = end + 1;
        }
    }

    /// <summary>
    /// Reads one window of digits and phone punctuation. A window longer than <see cref="MaxChunkDigits"/> digits (a list
    /// of numbers with single spaces between them, a digit table) is read in chunks that overlap by the longest number,
    /// so that every part of it is read whatever its length, at a cost that grows with its length and not faster.
    /// </summary>
    private void AnalyzeRun(string text, int start, int end, int digits, List<EntitySpan> results)
    {
        var chunkStart = start;
        var remaining = digits;
        while (true)
        {
            var own = results.Count;
            var chunkDigits = remaining;
            var chunkEnd = remaining <= MaxChunkDigits ? end : ChunkEnd(text, chunkStart, end, out chunkDigits);
            AnalyzeWindow(text, chunkStart, chunkEnd, chunkDigits, results, own);
            PhoneSubRuns.Analyze(text, chunkStart, chunkEnd, results, own, _analyzeWindow);
            if (chunkEnd >= end)
            {
                return;
            }

            // A reading that starts in the last PhoneSubRuns.MaxPhoneDigits digits may be cut off by the chunk's end: drop it
            // and read from there again. Whatever starts before had all the digits a phone number can have.
            var overlapStart = OverlapStart(text, chunkStart, chunkEnd);
            var next = overlapStart;
            for (var k = results.Count - 1; k >= own; k--)
            {
                if (results[k].Start >= overlapStart)
                {
                    results.RemoveAt(k);
                }
                else
                {
                    next = Math.Max(next, results[k].End);
                }
            }

            var previousStart = chunkStart;
            chunkStart = next;
            while (chunkStart < end && !PhoneSubRuns.StartsNumber(text, chunkStart))
            {
                chunkStart++;
            }

            remaining -= DigitBuffer.Count(text.AsSpan(previousStart, chunkStart - previousStart));
            if (remaining < MinDigits)
            {
                return;
            }
        }
    }

    /// <summary>Where a chunk from <paramref name="start"/> ends: at the end of the digit group holding its <see cref="MaxChunkDigits"/>-th digit.</summary>
    private static int ChunkEnd(string text, int start, int end, out int digits)
    {
        digits = 0;
        var k = start;
        while (k < end && (digits < MaxChunkDigits || char.IsAsciiDigit(text[k])))
        {
            digits += char.IsAsciiDigit(text[k]) ? 1 : 0;
            k++;
        }

        return k;
    }

    /// <summary>
    /// The start of the digit group (after a space where there is one) from which the chunk still holds at least
    /// <see cref="PhoneSubRuns.MaxPhoneDigits"/> digits; the chunk's end when its first group is that long already.
    /// </summary>
    private static int OverlapStart(string text, int chunkStart, int chunkEnd)
    {
        var digits = 0;
        var k = chunkEnd;
        while (k > chunkStart && digits < PhoneSubRuns.MaxPhoneDigits)
        {
            k--;
            digits += char.IsAsciiDigit(text[k]) ? 1 : 0;
        }

        // Back to the start of a space-separated segment, as PhoneSubRuns cuts them.
        while (k > chunkStart && text[k - 1] is not (' ' or '\u00A0'))
        {
            k--;
        }

        return k > chunkStart ? k : chunkEnd;
    }

    private void AnalyzeBeforeGluedTail(string text, int start, int end, List<EntitySpan> results)
    {
        var cut = text.AsSpan(start, end - start).LastIndexOfAny(' ', '\u00A0');
        if (cut <= 0)
        {
            return;
        }

        var subEnd = start + cut;
        while (subEnd > start && !char.IsAsciiDigit(text[subEnd - 1]))
        {
            subEnd--;
        }

        var digits = DigitBuffer.Count(text.AsSpan(start, subEnd - start));
        if (digits >= MinDigits)
        {
            AnalyzeRun(text, start, subEnd, digits, results);
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

    /// <summary>
    /// Reads one window through libphonenumber. Returns the best <see cref="PhoneShape.GroupingTier"/> among the
    /// readings it added, or -1 when it added none. Regions are tried in order until one reads the whole window as a
    /// number written its way: a reading whose groups are merely short ("06 12 34 56 78" as a German number) gives way to
    /// a later region that has the same digits in its national format (French).
    /// </summary>
    private int AnalyzeWindow(string text, int start, int end, int digits, List<EntitySpan> results, int firstOwn)
    {
        // Reject whole windows that are dates, prices, order numbers, addresses or cards before paying for libphonenumber.
        if (PhoneShape.IsFalsePositive(text, start, end, text.AsSpan(start, end - start)))
        {
            return -1;
        }

        var readings = new PhoneReadings(results, firstOwn);
        string? window = null;
        if (text[start] == '+')
        {
            window = text.Substring(start, end - start);
            AddMatches(text, start, window, AnyRegion, ref readings);
            return readings.BestTier;
        }

        foreach (var region in _regions)
        {
            if (region.CouldHold(digits, text.AsSpan(start, end - start)))
            {
                window ??= text.Substring(start, end - start);
                AddMatches(text, start, window, region.Code, ref readings);
                if (readings.CoversWritten(start, end))
                {
                    break; // no later region can improve on it
                }
            }
        }

        return readings.BestTier;
    }

    private void AddMatches(string text, int offset, string window, string region, ref PhoneReadings readings)
    {
        foreach (var match in _util.FindNumbers(window, region, PhoneNumberUtil.Leniency.VALID, MaxTriesPerWindow))
        {
            var start = offset + match.Start;
            var end = start + match.Length;
            var raw = text.AsSpan(start, end - start);
            var overlapping = readings.FindOverlap(start, end);
            if ((overlapping >= 0 && readings.TierOf(overlapping) >= PhoneShape.Written) || PhoneShape.IsFalsePositive(text, start, end, raw))
            {
                continue;
            }

            var tier = raw[0] == '+' ? PhoneShape.Written
                : raw.ContainsAnyExcept("0123456789") ? PhoneShape.GroupingTier(raw, match.Number, _util)
                : PhoneShape.Bare;
            var score = tier > PhoneShape.Bare ? RecognizerScores.Structural : RecognizerScores.ShapeOnly;
            var span = new EntitySpan(EntityTypes.PhoneNumber, start, end, score, nameof(PhoneNumberRecognizer));
            if (overlapping < 0)
            {
                readings.Add(span, tier);
            }
            else if (tier > readings.TierOf(overlapping))
            {
                // Another region reads the same digits with a grouping that fits better: keep the better reading.
                readings.Replace(overlapping, span, tier);
            }
        }
    }

    private static bool IsPhonePunctuation(char c) => c is ' ' or '-' or '.' or '(' or ')' or '/' or '\u00A0';
}
