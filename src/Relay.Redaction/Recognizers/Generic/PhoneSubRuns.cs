using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// Second pass of <see cref="PhoneNumberRecognizer"/> over one candidate window: numbers written next to each other
/// with only spaces between them ("+44 20 7946 0958  4111 1111 1111 1111", "030 901820 06 12 34 56 78") form one
/// window that libphonenumber rejects as a whole. The window is cut into space-separated segments; from each segment
/// no reading covers yet, the longest run of segments (at most <see cref="MaxPhoneDigits"/> digits, at least
/// <see cref="MinDigits"/>) is tried first, then shorter ones, and after a hit the search goes on behind it. A run
/// lying inside a grouped, Luhn-valid payment card ("4111 1111 1111 1111") is never tried, so card groups are not
/// read as phone numbers. The recognizer hands over windows of at most about 64 digits (longer ones are read in
/// overlapping chunks), so a window has at most about 65 segments, and each segment start tries at most 11 runs
/// (7 to 17 digits): <see cref="MaxTriesPerWindow"/> and <see cref="MaxSegments"/> lie above what such a window needs
/// and are only a guard. (Until session 15 a window of any length had 128 tries: a long list of numbers with single
/// spaces between them was read only as far as its first 30-65 numbers.)
/// </summary>
internal static class PhoneSubRuns
{
    private const int MinDigits = 7;
    public const int MaxPhoneDigits = 17;
    private const int MaxTriesPerWindow = 1024;
    private const int MaxSegments = 96;

    /// <summary>
    /// Reads <c>text[start..end)</c> (holding <c>digits</c> digits) as a phone-number window; returns the best
    /// <see cref="PhoneShape.GroupingTier"/> of the readings it added, or -1 for none.
    /// </summary>
    public delegate int WindowAnalyzer(string text, int start, int end, int digits, List<EntitySpan> results, int firstOwn);

    public static void Analyze(string text, int start, int end, List<EntitySpan> results, int firstOwn, WindowAnalyzer analyze)
    {
        if (text.AsSpan(start, end - start).IndexOfAny(' ', '\u00A0') < 0 || IsCoveredWhole(results, firstOwn, start, end))
        {
            return;
        }

        var tries = 0;
        Span<Segment> buffer = stackalloc Segment[MaxSegments];
        var segmentStart = start;
        while (segmentStart < end && tries < MaxTriesPerWindow)
        {
            var count = Collect(text, segmentStart, end, buffer);
            segmentStart = Search(text, buffer[..count], start, end, results, firstOwn, analyze, ref tries);
            if (count < MaxSegments)
            {
                return;
            }
        }
    }

    /// <summary>Searches the segments; returns where the next batch of segments starts.</summary>
    private static int Search(
        string text, ReadOnlySpan<Segment> segments, int windowStart, int windowEnd, List<EntitySpan> results, int firstOwn,
        WindowAnalyzer analyze, ref int tries)
    {
        var pos = 0;
        while (pos < segments.Length)
        {
            var first = segments[pos];
            if (!StartsNumber(text, first.Start) || IsCovered(results, firstOwn, first.Start, first.End))
            {
                pos++;
                continue;
            }

            var last = pos - 1;
            var total = 0;
            while (last + 1 < segments.Length && total + segments[last + 1].Digits <= MaxPhoneDigits
                && !IsCovered(results, firstOwn, segments[last + 1].Start, segments[last + 1].End))
            {
                last++;
                total += segments[last].Digits;
            }

            var reach = -1;
            var before = results.Count;
            EntitySpan[]? fallback = null;
            var fallbackTier = -1;
            for (; last >= pos && total >= MinDigits; total -= segments[last].Digits, last--)
            {
                var runEnd = segments[last].DigitEnd;
                if ((first.Start == windowStart && runEnd == windowEnd) || segments[last].Digits == 0 || IsInsideCard(text, segments, pos, last))
                {
                    continue; // the whole window was read already; a run ends on a digit; card groups are not phones
                }

                if (++tries > MaxTriesPerWindow)
                {
                    return windowEnd;
                }

                var tier = analyze(text, first.Start, runEnd, total, results, firstOwn);
                if (results.Count == before)
                {
                    continue;
                }

                if (tier >= PhoneShape.Written)
                {
                    reach = Reach(results, firstOwn, first.Start, runEnd);
                    break;
                }

                // A bare-digits reading, or one whose groups are merely short: a shorter run may be a number written in its
                // region's format, with the rest starting the next one ("030 901820 612 345 678", "06 12 34 56 78 01 42 68
                // 53 00"). Keep the longest reading of the best tier in case no run is written that way.
                if (tier > fallbackTier)
                {
                    fallback = [.. results.Skip(before)];
                    fallbackTier = tier;
                }

                results.RemoveRange(before, results.Count - before);
            }

            if (reach < 0 && fallback is not null)
            {
                results.AddRange(fallback);
                reach = Reach(results, firstOwn, first.Start, fallback[^1].End);
            }

            if (reach < 0)
            {
                pos++;
                continue;
            }

            while (pos < segments.Length && segments[pos].Start < reach)
            {
                pos++;
            }
        }

        return segments.Length == 0 ? windowEnd : segments[^1].End;
    }

    /// <summary>Space-separated segments of <c>text[start..end)</c>, at most <paramref name="segments"/>.Length.</summary>
    private static int Collect(string text, int start, int end, Span<Segment> segments)
    {
        var count = 0;
        var k = start;
        while (k < end && count < segments.Length)
        {
            while (k < end && IsSpace(text[k]))
            {
                k++;
            }

            if (k >= end)
            {
                break;
            }

            var s = k;
            var digits = 0;
            var digitEnd = s;
            while (k < end && !IsSpace(text[k]))
            {
                if (char.IsAsciiDigit(text[k]))
                {
                    digits++;
                    digitEnd = k + 1;
                }

                k++;
            }

            segments[count++] = new Segment(s, k, digitEnd, digits);
        }

        return count;
    }

    /// <summary>
    /// True when segments <paramref name="pos"/>..<paramref name="last"/> lie inside a run of plain digit groups written
    /// like a payment card (groups of four, the last one 1-4 digits; or 4-6-4 / 4-6-5) that is 13-19 digits and
    /// Luhn-valid.
    /// </summary>
    private static bool IsInsideCard(string text, ReadOnlySpan<Segment> segments, int pos, int last)
    {
        Span<char> digits = stackalloc char[19];
        for (var from = Math.Max(0, pos - 4); from <= pos; from++)
        {
            var n = 0;
            for (var to = from; to < segments.Length && to - from < 5; to++)
            {
                var segment = segments[to];
                if (segment.Digits != segment.End - segment.Start || n + segment.Digits > digits.Length)
                {
                    break;
                }

                text.AsSpan(segment.Start, segment.Digits).CopyTo(digits[n..]);
                n += segment.Digits;
                if (to >= last && n >= 13 && IsCardGrouping(segments, from, to) && Luhn.IsValid(digits[..n]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsCardGrouping(ReadOnlySpan<Segment> segments, int from, int to)
    {
        var groups = to - from + 1;
        if (groups == 3 && segments[from].Digits == 4 && segments[from + 1].Digits == 6 && segments[to].Digits is 4 or 5)
        {
            return true;
        }

        for (var k = from; k < to; k++)
        {
            if (segments[k].Digits != 4)
            {
                return false;
            }
        }

        return groups >= 4 && segments[to].Digits <= 4;
    }

    public static bool StartsNumber(string text, int index) =>
        char.IsAsciiDigit(text[index]) || (text[index] is '+' or '(' && index + 1 < text.Length && char.IsAsciiDigit(text[index + 1]));

    private static bool IsCovered(List<EntitySpan> results, int firstOwn, int start, int end)
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

    private static bool IsCoveredWhole(List<EntitySpan> results, int firstOwn, int start, int end)
    {
        for (var k = firstOwn; k < results.Count; k++)
        {
            if (results[k].Start <= start && results[k].End >= end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The end of the furthest reading that starts inside <c>[start, end)</c>, or -1.</summary>
    private static int Reach(List<EntitySpan> results, int firstOwn, int start, int end)
    {
        var reach = -1;
        for (var k = firstOwn; k < results.Count; k++)
        {
            if (results[k].Start >= start && results[k].Start < end)
            {
                reach = Math.Max(reach, results[k].End);
            }
        }

        return reach;
    }

    private static bool IsSpace(char c) => c is ' ' or '\u00A0';

    private readonly record struct Segment(int Start, int End, int DigitEnd, int Digits);
}
