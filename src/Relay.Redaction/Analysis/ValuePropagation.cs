using System.Buffers;

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
    /// <summary>Up to this many values, one vectorized <c>IndexOf</c> pass per value is the cheapest search.</summary>
    internal const int ScanPerValueLimit = 16;

    public static void Apply(IReadOnlyList<string> texts, IReadOnlyList<EntitySpan>[] spans, CancellationToken cancellationToken) =>
        Apply(texts, spans, ScanPerValueLimit, cancellationToken);

    /// <param name="scanPerValueLimit">
    /// Above this many values all of them are found in one pass per text (<see cref="SearchValues{T}"/> of strings):
    /// a pass per value made a prompt with thousands of values cost values x length (a 128 KB list of 5,800 distinct
    /// e-mail addresses took 75 ms). Both searches find the same occurrences; tests compare them.
    /// </param>
    internal static void Apply(IReadOnlyList<string> texts, IReadOnlyList<EntitySpan>[] spans, int scanPerValueLimit, CancellationToken cancellationToken)
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
        var finder = ordered.Length > scanPerValueLimit ? new OccurrenceFinder(ordered) : null;
        for (var t = 0; t < texts.Count; t++)
        {
            var text = texts[t];
            List<EntitySpan>? all = null;
            foreach (var (order, at) in finder?.FindAll(text, cancellationToken) ?? ScanEach(ordered, text, cancellationToken))
            {
                var (value, origin) = ordered[order];
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

            if (all is not null)
            {
                spans[t] = all;
            }
        }
    }

    /// <summary>Every occurrence of every value, value by value (in <paramref name="ordered"/>'s order), each value's from left to right.</summary>
    private static IEnumerable<(int Order, int At)> ScanEach(KeyValuePair<string, EntitySpan>[] ordered, string text, CancellationToken cancellationToken)
    {
        for (var order = 0; order < ordered.Length; order++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var value = ordered[order].Key;
            for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            {
                yield return (order, at);
            }
        }
    }

    /// <summary>
    /// The same occurrences in the same order as <see cref="ScanEach"/>, found in one pass over the text: the next
    /// position where any value starts, then which values start there (one look-up per distinct value length).
    /// </summary>
    private sealed class OccurrenceFinder
    {
        private readonly SearchValues<string> _values;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _orderOf;
        private readonly int[] _lengths;

        public OccurrenceFinder(KeyValuePair<string, EntitySpan>[] ordered)
        {
            var keys = ordered.Select(static v => v.Key).ToArray();
            _values = SearchValues.Create(keys, StringComparison.Ordinal);
            var orderOf = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
            for (var order = 0; order < keys.Length; order++)
            {
                orderOf[keys[order]] = order;
            }

            _orderOf = orderOf.GetAlternateLookup<ReadOnlySpan<char>>();
            _lengths = [.. keys.Select(static k => k.Length).Distinct()];
        }

        public List<(int Order, int At)> FindAll(string text, CancellationToken cancellationToken)
        {
            var found = new List<(int Order, int At)>();
            var from = 0;
            while (from < text.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var next = text.AsSpan(from).IndexOfAny(_values);
                if (next < 0)
                {
                    break;
                }

                var at = from + next;
                foreach (var length in _lengths)
                {
                    if (length <= text.Length - at && _orderOf.TryGetValue(text.AsSpan(at, length), out var order))
                    {
                        found.Add((order, at));
                    }
                }

                from = at + 1;
            }

            found.Sort();
            return found;
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
