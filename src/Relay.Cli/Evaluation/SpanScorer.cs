namespace StealthRelay.Cli.Evaluation;

/// <summary>
/// Span-level exact-match scoring (type, start and end must all agree), per entity type and micro-averaged.
/// Predictions of types outside <see cref="ScoredTypes"/> are not counted (a model may find ADDRESS where the gold
/// data has no such type). Redaction coverage of each gold span counts predictions of every type (<see cref="TypeScore"/>).
/// </summary>
internal sealed class SpanScorer
{
    private readonly SortedDictionary<string, TypeScore> _byType = new(StringComparer.Ordinal);

    public SpanScorer(IEnumerable<string> scoredTypes)
    {
        ScoredTypes = new HashSet<string>(scoredTypes, StringComparer.Ordinal);
    }

    public HashSet<string> ScoredTypes { get; }

    public int Sentences { get; private set; }

    public IReadOnlyDictionary<string, TypeScore> ByType => _byType;

    public TypeScore Micro
    {
        get
        {
            var total = new TypeScore();
            foreach (var score in _byType.Values)
            {
                total.Add(score);
            }

            return total;
        }
    }

    /// <param name="text">The text the offsets point into: its blank characters need no redaction.</param>
    /// <param name="gold">Gold spans.</param>
    /// <param name="predicted">Predicted spans.</param>
    public void Add(string text, IReadOnlyList<GoldSpan> gold, IReadOnlyList<GoldSpan> predicted)
    {
        ArgumentNullException.ThrowIfNull(text);
        Sentences++;
        var remaining = new List<GoldSpan>(gold);
        foreach (var span in gold)
        {
            var score = Score(span.Type);
            switch (Coverage(text, span, predicted))
            {
                case CoverageKind.All:
                    score.Covered++;
                    break;
                case CoverageKind.Part:
                    score.PartlyCovered++;
                    break;
                default:
                    score.Missed++;
                    break;
            }
        }

        foreach (var span in predicted)
        {
            if (!ScoredTypes.Contains(span.Type))
            {
                continue;
            }

            if (remaining.Remove(span))
            {
                Score(span.Type).TruePositives++;
                continue;
            }

            var score = Score(span.Type);
            score.FalsePositives++;
            if (!gold.Any(g => g.Start < span.End && span.Start < g.End))
            {
                score.Spurious++;
            }
        }

        foreach (var missed in remaining)
        {
            Score(missed.Type).FalseNegatives++;
        }
    }

    public void Add(SpanScorer other)
    {
        Sentences += other.Sentences;
        foreach (var (type, score) in other._byType)
        {
            Score(type).Add(score);
        }
    }

    private static CoverageKind Coverage(string text, GoldSpan span, IReadOnlyList<GoldSpan> predicted)
    {
        int covered = 0, needed = 0;
        for (var i = Math.Max(0, span.Start); i < Math.Min(span.End, text.Length); i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            needed++;
            foreach (var p in predicted)
            {
                if (p.Start <= i && i < p.End)
                {
                    covered++;
                    break;
                }
            }
        }

        return covered == 0 ? CoverageKind.None : covered == needed ? CoverageKind.All : CoverageKind.Part;
    }

    private enum CoverageKind
    {
        None,
        Part,
        All,
    }

    private TypeScore Score(string type)
    {
        if (!_byType.TryGetValue(type, out var score))
        {
            score = new TypeScore();
            _byType[type] = score;
        }

        return score;
    }
}
