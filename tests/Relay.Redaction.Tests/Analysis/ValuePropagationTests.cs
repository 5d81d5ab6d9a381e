using StealthRelay.Redaction.Analysis;

namespace StealthRelay.Redaction.Tests.Analysis;

public sealed class ValuePropagationTests
{
    private static EntitySpan Span(string type, int start, int end) => new(type, start, end, 0.9, "test");

    [Fact]
    public void Apply_ValueFoundOnce_EveryOtherWholeOccurrenceInEveryTextBecomesASpan()
    {
        string[] texts = ["mail ann@x.io or ann@x.io_1]", "cc ann@x.io; not xann@x.io"];
        IReadOnlyList<EntitySpan>[] spans = [[Span("EMAIL_ADDRESS", 5, 13)], []];

        ValuePropagation.Apply(texts, spans, CancellationToken.None);

        Assert.Equal([(5, 13), (17, 25)], spans[0].Select(s => (s.Start, s.End)));
        Assert.Equal([(3, 11)], spans[1].Select(s => (s.Start, s.End)));
        Assert.All(spans.SelectMany(s => s), s => Assert.Equal("EMAIL_ADDRESS", s.Type));
    }

    [Fact]
    public void Apply_CardSecurityCode_IsNotPropagated()
    {
        // "cvv 123" makes 123 a value; room 123 and plate AB-123-CD stay as written.
        string[] texts = ["cvv 123, room 123", "plate AB-123-CD"];
        IReadOnlyList<EntitySpan>[] spans = [[Span(EntityTypes.CardSecurityCode, 4, 7)], []];

        ValuePropagation.Apply(texts, spans, CancellationToken.None);

        Assert.Equal([(4, 7)], spans[0].Select(s => (s.Start, s.End)));
        Assert.Empty(spans[1]);
    }

    [Fact]
    public void Apply_OccurrenceInsideAKeptSpan_IsLeftToThatSpanAndLongerValuesGoFirst()
    {
        // "Li" occurs inside the kept "Ann Li" and as a word of its own; "Ann Li" is longer, so it is placed first.
        const string text = "Ann Li met Li and Ann Li.";
        IReadOnlyList<EntitySpan>[] spans = [[Span("PERSON", 0, 6), Span("PERSON", 11, 13)]];

        ValuePropagation.Apply([text], spans, CancellationToken.None);

        Assert.Equal([(0, 6), (11, 13), (18, 24)], spans[0].Select(s => (s.Start, s.End)));
    }

    [Theory]
    [InlineData(ValuePropagation.ScanPerValueLimit)]
    [InlineData(0)] // every value set is searched in one pass (SearchValues), as for prompts with many values
    public void Apply_RandomTexts_SameAsPairwiseReference(int scanPerValueLimit)
    {
        var random = new Random(20261123);
        string[] words = ["ab", "abc", "b", "c a", "x", "ab ab", "1", "12"];
        for (var round = 0; round < 500; round++)
        {
            var texts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => string.Join(
                random.Next(2) == 0 ? " " : "-", Enumerable.Range(0, random.Next(1, 12)).Select(_ => words[random.Next(words.Length)]))).ToArray();
            var spans = texts.Select(t => (IReadOnlyList<EntitySpan>)RandomSpans(t, random)).ToArray();
            var expected = spans.ToArray();

            ValuePropagation.Apply(texts, spans, scanPerValueLimit, CancellationToken.None);
            Reference(texts, expected);

            for (var t = 0; t < texts.Length; t++)
            {
                Assert.Equal(expected[t], spans[t]);
            }
        }
    }

    /// <summary>Sorted, non-overlapping spans on word boundaries, as fusion hands them over.</summary>
    private static List<EntitySpan> RandomSpans(string text, Random random)
    {
        var result = new List<EntitySpan>();
        var at = 0;
        while (at < text.Length && random.Next(3) > 0)
        {
            var start = at + random.Next(0, Math.Min(4, text.Length - at));
            var end = Math.Min(text.Length, start + random.Next(1, 6));
            result.Add(Span(random.Next(2) == 0 ? "PERSON" : "CUSTOM", start, end));
            at = end + 1;
        }

        return result;
    }

    /// <summary>The propagation as first written: every occurrence checked against every span kept so far.</summary>
    private static void Reference(string[] texts, IReadOnlyList<EntitySpan>[] spans)
    {
        var values = new Dictionary<string, EntitySpan>(StringComparer.Ordinal);
        for (var t = 0; t < texts.Length; t++)
        {
            foreach (var span in spans[t])
            {
                values.TryAdd(texts[t][span.Start..span.End], span);
            }
        }

        var ordered = values.OrderByDescending(v => v.Key.Length).ThenBy(v => v.Key, StringComparer.Ordinal).ToArray();
        for (var t = 0; t < texts.Length; t++)
        {
            var text = texts[t];
            var all = spans[t].ToList();
            foreach (var (value, origin) in ordered)
            {
                for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
                {
                    var end = at + value.Length;
                    var whole = (at == 0 || !(char.IsLetterOrDigit(text[at - 1]) && char.IsLetterOrDigit(text[at])))
                        && (end == text.Length || !(char.IsLetterOrDigit(text[end]) && char.IsLetterOrDigit(text[end - 1])));
                    if (whole && !all.Exists(s => s.Start < end && at < s.End))
                    {
                        all.Add(origin with { Start = at, End = end });
                    }
                }
            }

            spans[t] = [.. all.OrderBy(s => s.Start)];
        }
    }
}
