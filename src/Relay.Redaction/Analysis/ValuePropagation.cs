namespace StealthRelay.Redaction.Analysis;

/// <summary>
/// The last analysis step: every other whole occurrence of a kept value, in any text of the request, becomes a span
/// of the same type. A recognizer can miss a value it found elsewhere because of what stands next to it (an e-mail
/// glued to <c>_1]</c>, a phone number without its context word); the value itself must still never be forwarded.
/// "Whole" means no letter or digit continues the value on either side, so a detected <c>Li</c> does not touch
/// <c>Linux</c>. Occurrences that overlap a kept span are left to that span; longer values go first. A card security
/// code is not propagated: its three or four digits are a value only next to their key word ("CVV 123"), and the same
/// digits elsewhere are a room, a price or a count.
/// </summary>
internal static class ValuePropagation
{
    public static void Apply(IReadOnlyList<string> texts, IReadOnlyList<EntitySpan>[] spans, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, EntitySpan>(StringComparer.Ordinal);
        for (var t = 0; t < texts.Count; t++)
        {
            foreach (var span in spans[t])
            {
                if (span.Length > 0 && span.Type != EntityTypes.CardSecurityCode)
                {
                    values.TryAdd(texts[t][span.Start..span.End], span);
                }
            }
        }

        if (values.Count == 0)
        {
            return;
        }

        var ordered = values.OrderByDescending(static v => v.Key.Length).ThenBy(static v => v.Key, StringComparer.Ordinal).ToArray();
        for (var t = 0; t < texts.Count; t++)
        {
            var text = texts[t];
            List<EntitySpan>? all = null;
            foreach (var (value, origin) in ordered)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
                {
                    var end = at + value.Length;
                    if (!IsWhole(text, at, end))
                    {
                        continue;
                    }

                    var kept = all ?? spans[t];
                    var index = FirstEndingAfter(kept, at);
                    if (index == kept.Count || kept[index].Start >= end)
                    {
                        all ??= [.. spans[t]];
                        all.Insert(index, origin with { Start = at, End = end });
                    }
                }
            }

            if (all is not null)
            {
                spans[t] = all;
            }
        }
    }

    /// <summary>
    /// In spans sorted by start and not overlapping (so sorted by end too), the index of the first that ends after
    /// <paramref name="position"/>: the only one a span starting there could overlap, and where it would be inserted.
    /// </summary>
    private static int FirstEndingAfter(IReadOnlyList<EntitySpan> sorted, int position)
    {
        var low = 0;
        var high = sorted.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (sorted[middle].End <= position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static bool IsWhole(string text, int start, int end) =>
        (start == 0 || !(char.IsLetterOrDigit(text[start - 1]) && char.IsLetterOrDigit(text[start])))
        && (end == text.Length || !(char.IsLetterOrDigit(text[end]) && char.IsLetterOrDigit(text[end - 1])));
}
