using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// CREDIT_CARD: 13-19 digits, plain or grouped with single spaces or dashes, that pass the Luhn check and start with a
/// known issuer prefix (IIN) of a length that issuer uses. A number starts and ends on a digit-group boundary, so
/// it is never cut out of a longer digit run; a chain of groups may carry trailing data ("4111 1111 1111 1111 12 26").
/// </summary>
internal sealed class CreditCardRecognizer : IRecognizer
{
    private const int MinDigits = 13;
    private const int MaxDigits = 19;
    private const int MaxGroups = 24;

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.CreditCard];

    public IReadOnlyList<string> Context { get; } =
        ["credit", "card", "visa", "mastercard", "amex", "cc", "payment", "kreditkarte", "carte", "tarjeta", "carta"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        Span<int> starts = stackalloc int[MaxGroups];
        Span<int> ends = stackalloc int[MaxGroups];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && TextBoundary.IsWordChar(text[i - 1])))
            {
                i++;
                continue;
            }

            var count = CollectGroups(text, i, starts, ends, out var goesOn);
            var chainEnd = ends[count - 1];
            if (goesOn)
            {
                i = MatchLongChainPart(text, starts, ends, results);
                continue;
            }

            var lastUsable = chainEnd < text.Length && TextBoundary.IsWordChar(text[chainEnd]) ? count - 2 : count - 1;
            MatchChain(text, starts[..count], ends[..count], lastUsable, results);
            i = chainEnd + 1;
        }
    }

    /// <summary>
    /// A chain longer than <see cref="MaxGroups"/> groups (a list of cards with single spaces between them) is read
    /// <see cref="MaxGroups"/> groups at a time. Only cards starting where the part still holds <see cref="MaxDigits"/>
    /// digits are kept, since a later one may go on past the part's end; the next part starts after them. Returns where.
    /// </summary>
    private static int MatchLongChainPart(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, List<EntitySpan> results)
    {
        var firstResult = results.Count;
        MatchChain(text, starts, ends, starts.Length - 1, results);
        var digits = 0;
        var lastWhole = starts.Length - 1;
        while (digits + ends[lastWhole] - starts[lastWhole] < MaxDigits)
        {
            digits += ends[lastWhole] - starts[lastWhole];
            lastWhole--;
        }

        var next = starts[lastWhole + 1];
        for (var k = results.Count - 1; k >= firstResult; k--)
        {
            if (results[k].Start > starts[lastWhole])
            {
                results.RemoveAt(k);
            }
            else
            {
                next = Math.Max(next, results[k].End + 1);
            }
        }

        return next;
    }

    private static int CollectGroups(string text, int start, Span<int> starts, Span<int> ends, out bool goesOn)
    {
        var count = 0;
        var separator = '\0';
        var j = start;
        while (true)
        {
            var r = j;
            while (r < text.Length && char.IsAsciiDigit(text[r]))
            {
                r++;
            }

            starts[count] = j;
            ends[count] = r;
            count++;
            goesOn = false;
            if (r + 1 >= text.Length || text[r] is not (' ' or '-')
                || !char.IsAsciiDigit(text[r + 1]) || (separator != '\0' && text[r] != separator))
            {
                return count;
            }

            if (count == starts.Length)
            {
                goesOn = true;
                return count;
            }

            separator = text[r];
            j = r + 1;
        }
    }

    /// <summary>
    /// Finds the cards in one chain of digit groups. Cards written the way issuers print them (one group, 4-4-4-4[-1..3],
    /// 4-6-5, 4-6-4) are taken first, so a neighbouring number joined by a space ("+1 650 253 0000 4111 1111 1111
    /// 1111") cannot borrow a card's first groups into a Luhn-valid mix and leave the rest of the card untagged; then any
    /// other grouping is tried on the groups still free. A chain never starts right after a <c>+</c> (an international
    /// phone number).
    /// </summary>
    private static void MatchChain(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int lastUsable, List<EntitySpan> results)
    {
        Span<bool> taken = stackalloc bool[starts.Length];
        var firstResult = results.Count;
        MatchChain(text, starts, ends, lastUsable, taken, printedGroupingOnly: true, results);
        MatchChain(text, starts, ends, lastUsable, taken, printedGroupingOnly: false, results);
        if (results.Count - firstResult > 1)
        {
            results.Sort(firstResult, results.Count - firstResult, Comparer<EntitySpan>.Create((a, b) => a.Start.CompareTo(b.Start)));
        }
    }

    private static void MatchChain(
        string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int lastUsable, Span<bool> taken, bool printedGroupingOnly, List<EntitySpan> results)
    {
        Span<char> digits = stackalloc char[MaxDigits];
        for (var first = 0; first <= lastUsable; first++)
        {
            if (taken[first] || (starts[first] > 0 && text[starts[first] - 1] == '+'))
            {
                continue;
            }

            var total = 0;
            var best = -1;
            for (var last = first; last <= lastUsable && !taken[last]; last++)
            {
                total += ends[last] - starts[last];
                if (total > MaxDigits)
                {
                    break;
                }

                if (total >= MinDigits && (!printedGroupingOnly || IsPrintedGrouping(starts, ends, first, last)))
                {
                    var n = DigitBuffer.Collect(text.AsSpan(starts[first], ends[last] - starts[first]), digits);
                    if (IsKnownIssuer(digits[..n]) && Luhn.IsValid(digits[..n]))
                    {
                        best = last;
                    }
                }
            }

            if (best >= 0)
            {
                results.Add(new EntitySpan(EntityTypes.CreditCard, starts[first], ends[best], RecognizerScores.Checksum, nameof(CreditCardRecognizer)));
                taken[first..(best + 1)].Fill(true);
                first = best;
            }
        }
    }

    private static bool IsPrintedGrouping(ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int first, int last)
    {
        var groups = last - first + 1;
        if (groups == 1)
        {
            return true;
        }

        if (groups == 3 && ends[first] - starts[first] == 4 && ends[first + 1] - starts[first + 1] == 6)
        {
            return true; // Amex 4-6-5, Diners 4-6-4
        }

        for (var k = first; k < last; k++)
        {
            if (ends[k] - starts[k] != 4)
            {
                return false;
            }
        }

        return groups >= 4 && ends[last] - starts[last] <= 4;
    }

    /// <summary>Issuer identification number prefixes and the lengths each scheme issues.</summary>
    internal static bool IsKnownIssuer(ReadOnlySpan<char> d)
    {
        var len = d.Length;
        var p2 = ((d[0] - '0') * 10) + (d[1] - '0');
        var p3 = (p2 * 10) + (d[2] - '0');
        var p4 = (p3 * 10) + (d[3] - '0');
        return d[0] switch
        {
            '4' => len is 13 or 16 or 19, // Visa
            '5' => (p2 is >= 51 and <= 55 && len == 16) // Mastercard
                || (p2 is 50 or (>= 56 and <= 58) && len >= 13), // Maestro
            '2' => (p4 is >= 2221 and <= 2720 && len == 16) // Mastercard 2-series
                || (p4 is >= 2200 and <= 2204 && len >= 16), // Mir
            '3' => (p2 is 34 or 37 && len == 15) // American Express
                || (p3 is >= 300 and <= 305 && len >= 14) // Diners Club
                || (p2 is 36 or 38 or 39 && len >= 14) // Diners Club International
                || (p4 is >= 3528 and <= 3589 && len >= 16), // JCB
            '6' => len >= 13, // Discover (6011, 644-649, 65), UnionPay (62), Maestro (6x)
            _ => false,
        };
    }
}
