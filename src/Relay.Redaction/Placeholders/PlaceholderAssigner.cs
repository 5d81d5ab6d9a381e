using System.Text;

namespace StealthRelay.Redaction.Placeholders;

/// <summary>
/// Replaces detected spans with placeholders. Texts must be given in document order: the vault numbers values by
/// first appearance, which makes a resent conversation map to the same placeholders without server-side state.
/// </summary>
internal static class PlaceholderAssigner
{
    /// <summary>
    /// Returns the redacted texts; adds the number of replaced occurrences per type to <paramref name="counts"/>.
    /// <paramref name="spans"/>[i] must be sorted and non-overlapping (the analyzer's contract).
    /// </summary>
    public static string[] Apply(
        IReadOnlyList<string> texts,
        IReadOnlyList<IReadOnlyList<EntitySpan>> spans,
        PlaceholderVault vault,
        Dictionary<string, int> counts)
    {
        if (texts.Count != spans.Count)
        {
            throw new RedactionException(RedactionFailure.DetectionFailed, "Detection returned a result count that does not match the texts.");
        }

        var knownTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var list in spans)
        {
            foreach (var s in list)
            {
                knownTypes.Add(s.Type);
            }
        }

        var result = new string[texts.Count];
        var literals = new List<EntitySpan>();
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            literals.Clear();
            PlaceholderNeutralizer.Find(text, vault.Format, knownTypes, literals);
            var merged = literals.Count == 0 ? spans[i] : Merge(spans[i], literals);
            result[i] = merged.Count == 0 ? text : Replace(text, merged, vault, counts);
        }

        return result;
    }

    /// <summary>
    /// A detection inside a literal is dropped (the literal covers it); a literal that a detection only partly
    /// overlaps is dropped (the detection must be redacted whole).
    /// </summary>
    private static List<EntitySpan> Merge(IReadOnlyList<EntitySpan> detected, List<EntitySpan> literals)
    {
        var keptLiterals = new List<EntitySpan>(literals);
        var merged = new List<EntitySpan>(detected.Count + literals.Count);
        foreach (var d in detected)
        {
            var inside = false;
            foreach (var l in literals)
            {
                if (d.Start >= l.Start && d.End <= l.End)
                {
                    inside = true;
                    break;
                }
            }

            if (inside)
            {
                continue;
            }

            merged.Add(d);
            keptLiterals.RemoveAll(l => l.Overlaps(d));
        }

        merged.AddRange(keptLiterals);
        merged.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return merged;
    }

    private static string Replace(string text, IReadOnlyList<EntitySpan> spans, PlaceholderVault vault, Dictionary<string, int> counts)
    {
        var sb = new StringBuilder(text.Length + (spans.Count * 8));
        var at = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            var s = spans[i];
            if (s.Start < at || s.End > text.Length || s.Start >= s.End)
            {
                throw new RedactionException(RedactionFailure.DetectionFailed, "Detection returned overlapping or out-of-range spans.");
            }

            sb.Append(text, at, s.Start - at);
            sb.Append(vault.GetOrAdd(s.Type, text[s.Start..s.End]));
            at = s.End;
            if (s.Type != PlaceholderNeutralizer.LiteralType)
            {
                var type = s.Type.ToUpperInvariant();
                counts[type] = counts.GetValueOrDefault(type) + 1;
            }
        }

        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }
}
