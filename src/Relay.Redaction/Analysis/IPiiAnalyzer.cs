using StealthRelay.Redaction.Policy;

namespace StealthRelay.Redaction.Analysis;

/// <summary>
/// Finds the PII in a set of texts: rule recognizers plus the NER model (when one is loaded), fused into one
/// non-overlapping span list per text, with the policy's entity selection, thresholds, allow and deny lists applied.
/// </summary>
public interface IPiiAnalyzer
{
    /// <summary>Result i holds the spans of texts[i], sorted by start, non-overlapping.</summary>
    ValueTask<IReadOnlyList<IReadOnlyList<EntitySpan>>> AnalyzeAsync(
        IReadOnlyList<string> texts, RedactionPolicy policy, CancellationToken cancellationToken);
}
