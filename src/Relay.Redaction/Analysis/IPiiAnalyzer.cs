using StealthRelay.Redaction.Policy;

namespace StealthRelay.Redaction.Analysis;

/// <summary>
/// Finds the PII in a set of texts: rule recognizers plus the NER model (when one is loaded), fused into one
/// non-overlapping span list per text, with the policy's entity selection, thresholds, allow and deny lists applied.
/// </summary>
public interface IPiiAnalyzer
{
    /// <summary>
    /// The texts of one request (one conversation): result i holds the spans of texts[i], sorted by start,
    /// non-overlapping. A value found in one text is also marked wherever else it occurs in any of them.
    /// </summary>
    ValueTask<IReadOnlyList<IReadOnlyList<EntitySpan>>> AnalyzeAsync(
        IReadOnlyList<string> texts, RedactionPolicy policy, CancellationToken cancellationToken);

    /// <summary>
    /// Independent documents analysed together (e.g. the lines of <c>relay analyze</c>): as <see cref="AnalyzeAsync"/>,
    /// but a value found in one document is looked for again only in that document, so each result is the same as
    /// analysing its document alone.
    /// </summary>
    async ValueTask<IReadOnlyList<IReadOnlyList<EntitySpan>>> AnalyzeEachAsync(
        IReadOnlyList<string> documents, RedactionPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var results = new IReadOnlyList<EntitySpan>[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            results[i] = (await AnalyzeAsync([documents[i]], policy, cancellationToken))[0];
        }

        return results;
    }
}
