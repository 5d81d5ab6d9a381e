using System.Buffers;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Redaction.Analysis;

/// <summary>
/// Fuses the candidates of one text: model guesses over pronouns and articles alone dropped, entity selection and
/// thresholds, overlap resolution, then the allow list.
/// Deny-list hits are always kept by selection and thresholds (they are the policy's own "always redact").
/// </summary>
internal static class SpanFusion
{
    public static List<EntitySpan> Fuse(string text, List<Candidate> candidates, RedactionPolicy policy)
    {
        var selected = new List<Candidate>(candidates.Count);
        foreach (var c in candidates)
        {
            // A model guess over pronouns and articles alone ("Call me", "Ruf mich an") is no entity (FunctionWords).
            if (c.FromModel && FunctionWords.Only(text.AsSpan(c.Span.Start, c.Span.Length)))
            {
                continue;
            }

            if (c.Span.Source == DenyListMatcher.Source || (IsSelected(c.Span.Type, policy) && c.Span.Score >= MinScore(c.Span.Type, policy)))
            {
                selected.Add(c);
            }
        }

        MergeSameTypeModelGuesses(selected);

        // (d) Validated rule hits first, then longer, then a rule hit before a model guess over as many characters (a
        // rule has seen the value's shape, e.g. house number and street word; the model guesses the type from context),
        // then higher score; ties by position, then the catch-all type last (IsCatchAll), then by type name for
        // determinism.
        selected.Sort(static (a, b) =>
        {
            var cmp = b.IsValidated.CompareTo(a.IsValidated);
            if (cmp == 0)
            {
                cmp = b.Span.Length.CompareTo(a.Span.Length);
            }

            if (cmp == 0)
            {
                cmp = a.FromModel.CompareTo(b.FromModel);
            }

            if (cmp == 0)
            {
                cmp = b.Span.Score.CompareTo(a.Span.Score);
            }

            if (cmp == 0)
            {
                cmp = a.Span.Start.CompareTo(b.Span.Start);
            }

            if (cmp == 0)
            {
                cmp = IsCatchAll(a.Span.Type).CompareTo(IsCatchAll(b.Span.Type));
            }

            return cmp == 0 ? string.CompareOrdinal(a.Span.Type, b.Span.Type) : cmp;
        });

        var kept = KeepNonOverlapping(text, selected);

        // (e) The allow list last.
        if (policy.AllowList.Count > 0)
        {
            kept.RemoveAll(s => IsAllowed(text.AsSpan(s.Start, s.Length), policy.AllowList));
        }

        kept.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    /// <summary>
    /// Keeps each candidate, in order, that overlaps none kept before it. Which characters are taken is marked in one
    /// array the length of the text, so a candidate is checked in time of its own length, not against every span kept so
    /// far (that was quadratic: 9,000 spans in a 256 KB prompt). A candidate of no characters redacts nothing and is
    /// dropped.
    /// </summary>
    internal static List<EntitySpan> KeepNonOverlapping(string text, List<Candidate> selected)
    {
        var kept = new List<EntitySpan>(selected.Count);
        var extent = text.Length;
        foreach (var c in selected)
        {
            extent = Math.Max(extent, c.Span.End);
        }

        var taken = ArrayPool<bool>.Shared.Rent(extent);
        try
        {
            Array.Clear(taken, 0, extent);
            foreach (var c in selected)
            {
                var start = Math.Max(0, c.Span.Start);
                var length = c.Span.End - start;
                if (length <= 0 || taken.AsSpan(start, length).Contains(true))
                {
                    continue;
                }

                kept.Add(c.Span);
                taken.AsSpan(start, length).Fill(true);
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(taken);
        }

        return kept;
    }

    /// <summary>
    /// A model span overlapping a rule hit of the same type (the model's ADDR and the street-address recognizer) is
    /// the same entity seen twice: the rule hit widens over both instead of competing with it, so the text only one
    /// of them covered is not left unredacted.
    /// </summary>
    private static void MergeSameTypeModelGuesses(List<Candidate> selected)
    {
        if (!selected.Exists(static c => c.FromModel))
        {
            return;
        }

        for (var i = 0; i < selected.Count; i++)
        {
            if (selected[i].FromModel)
            {
                continue;
            }

            var rule = selected[i].Span;
            var merged = false;
            for (var j = selected.Count - 1; j >= 0; j--)
            {
                var model = selected[j];
                if (model.FromModel && model.Span.Type == rule.Type && model.Span.Overlaps(rule))
                {
                    rule = rule with { Start = Math.Min(rule.Start, model.Span.Start), End = Math.Max(rule.End, model.Span.End) };
                    selected.RemoveAt(j);
                    i -= j < i ? 1 : 0;
                    merged = true;
                }
            }

            if (merged)
            {
                selected[i] = selected[i] with { Span = rule };
            }
        }
    }

    /// <summary>
    /// PHONE_NUMBER is the catch-all of digit runs: libphonenumber finds some region that accepts most 7- to 12-digit
    /// numbers however grouped, so another recognizer claiming the same characters at the same score has the narrower
    /// rule and names the value better ("612-34-5678" is an SSN and a valid Spanish number; "912-70-1234" an ITIN and
    /// one too). Either way the value is redacted; this only picks its placeholder's type.
    /// </summary>
    private static bool IsCatchAll(string type) => type == EntityTypes.PhoneNumber;

    private static bool IsSelected(string type, RedactionPolicy policy)
    {
        if (policy.Entities.Count == 0)
        {
            return true;
        }

        foreach (var e in policy.Entities)
        {
            if (string.Equals(e, type, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Types compare case-insensitively even when the configured dictionary's comparer does not.</summary>
    private static double MinScore(string type, RedactionPolicy policy)
    {
        if (policy.MinScores.TryGetValue(type, out var min))
        {
            return min;
        }

        foreach (var (key, value) in policy.MinScores)
        {
            if (string.Equals(key, type, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return policy.DefaultMinScore;
    }

    private static bool IsAllowed(ReadOnlySpan<char> value, IList<string> allowList)
    {
        foreach (var term in allowList)
        {
            if (value.Equals(term, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
