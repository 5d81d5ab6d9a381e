namespace StealthRelay.Cli.Evaluation;

/// <summary>
/// Span-level exact-match scoring (type, start and end must all agree), per entity type and micro-averaged.
/// Predictions of types outside <see cref="ScoredTypes"/> are not counted (a model may find ADDRESS where the gold
/// data has no such type).
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

    public void Add(IEnumerable<GoldSpan> gold, IEnumerable<GoldSpan> predicted)
    {
        Sentences++;
        var remaining = new List<GoldSpan>();
        foreach (var span in gold)
        {
            remaining.Add(span);
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
            }
            else
            {
                Score(span.Type).FalsePositives++;
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
