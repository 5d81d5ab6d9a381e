using StealthRelay.Redaction.Analysis;

namespace StealthRelay.Redaction.Tests.Analysis;

public sealed class SpanFusionTests
{
    [Fact]
    public void KeepNonOverlapping_RandomCandidates_SameAsPairwiseReference()
    {
        // Fusion marks taken characters instead of comparing each candidate with every span kept before it; both must
        // keep the same spans, including spans that touch, nest, or reach past the text.
        var random = new Random(20261205);
        for (var round = 0; round < 500; round++)
        {
            var text = new string('x', random.Next(1, 60));
            var candidates = Enumerable.Range(0, random.Next(0, 25)).Select(_ =>
            {
                var start = random.Next(0, text.Length);
                var end = Math.Min(text.Length + 2, start + random.Next(0, 12));
                return new Candidate(new EntitySpan("PERSON", start, end, 0.9, "test"), random.Next(2) == 0);
            }).ToList();

            Assert.Equal(Reference(candidates), SpanFusion.KeepNonOverlapping(text, candidates));
        }
    }

    /// <summary>The keep step as first written; spans of no characters redact nothing and are left out.</summary>
    private static List<EntitySpan> Reference(List<Candidate> candidates)
    {
        var kept = new List<EntitySpan>();
        foreach (var c in candidates.Where(c => c.Span.Length > 0))
        {
            if (!kept.Exists(k => k.Overlaps(c.Span)))
            {
                kept.Add(c.Span);
            }
        }

        return kept;
    }
}
