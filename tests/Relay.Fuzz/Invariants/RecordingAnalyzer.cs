using StealthRelay.Redaction;
using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Fuzz.Invariants;

/// <summary>
/// Wraps the real analyzer and keeps the texts and spans of its last call, so a target can check that no detected
/// value survives. Single-threaded by design (one per fuzz engine).
/// </summary>
internal sealed class RecordingAnalyzer(IPiiAnalyzer inner) : IPiiAnalyzer
{
    public IReadOnlyList<string> LastTexts { get; private set; } = [];

    public IReadOnlyList<IReadOnlyList<EntitySpan>> LastSpans { get; private set; } = [];

    public void Reset()
    {
        LastTexts = [];
        LastSpans = [];
    }

    public async ValueTask<IReadOnlyList<IReadOnlyList<EntitySpan>>> AnalyzeAsync(
        IReadOnlyList<string> texts, RedactionPolicy policy, CancellationToken cancellationToken)
    {
        LastTexts = [.. texts];
        LastSpans = [];
        var spans = await inner.AnalyzeAsync(texts, policy, cancellationToken);
        LastSpans = spans;
        return spans;
    }
}
