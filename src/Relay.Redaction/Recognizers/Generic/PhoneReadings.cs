namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// The readings <see cref="PhoneNumberRecognizer"/> has made of one window, with the grouping tier of each
/// (<see cref="PhoneShape.GroupingTier"/>) for the readings added in this call. A reading made before it (an earlier
/// sub-run of the same window) counts as written when it scored as a phone number and as bare when it did not.
/// </summary>
internal struct PhoneReadings(List<EntitySpan> results, int firstOwn)
{
    private readonly int _firstNew = results.Count;
    private List<int>? _tiers;

    /// <summary>The best tier among the readings added, -1 when none was.</summary>
    public int BestTier { get; private set; } = -1;

    public readonly int FindOverlap(int start, int end)
    {
        for (var k = firstOwn; k < results.Count; k++)
        {
            if (results[k].Start < end && start < results[k].End)
            {
                return k;
            }
        }

        return -1;
    }

    public readonly int TierOf(int index) =>
        index >= _firstNew ? _tiers![index - _firstNew]
        : results[index].Score >= RecognizerScores.Structural ? PhoneShape.Written
        : PhoneShape.Bare;

    public void Add(EntitySpan span, int tier)
    {
        results.Add(span);
        (_tiers ??= new List<int>(2)).Add(tier);
        BestTier = Math.Max(BestTier, tier);
    }

    public void Replace(int index, EntitySpan span, int tier)
    {
        results[index] = span;
        if (index >= _firstNew)
        {
            _tiers![index - _firstNew] = tier;
        }

        BestTier = Math.Max(BestTier, tier);
    }

    /// <summary>True when a reading written the way its region writes numbers covers <c>[start, end)</c>.</summary>
    public readonly bool CoversWritten(int start, int end)
    {
        for (var k = firstOwn; k < results.Count; k++)
        {
            if (results[k].Start <= start && results[k].End >= end && TierOf(k) >= PhoneShape.Written)
            {
                return true;
            }
        }

        return false;
    }
}
