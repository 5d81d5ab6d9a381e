using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Redaction;

/// <summary>Redacts one plain text (the CLI and the analyze endpoint). Same detection and placeholders as requests.</summary>
public sealed class TextRedactor
{
    private readonly IPiiAnalyzer _analyzer;

    public TextRedactor(IPiiAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _analyzer = analyzer;
    }

    /// <summary>
    /// Finds the PII in <paramref name="text"/> and replaces it with placeholders. Throws
    /// <see cref="RedactionException"/> (Timeout or DetectionFailed) when detection fails.
    /// </summary>
    public async ValueTask<TextRedactionResult> RedactAsync(string text, RedactionPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(policy);
        var format = PlaceholderFormat.Get(policy.PlaceholderFormat);
        string[] texts = [text];
        var spans = await _analyzer.AnalyzeAsync(texts, policy, cancellationToken);
        var vault = new PlaceholderVault(format);
        try
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var redacted = PlaceholderAssigner.Apply(texts, spans, vault, counts);
            return new TextRedactionResult(redacted[0], spans.Count > 0 ? spans[0] : [], counts, vault);
        }
        catch
        {
            vault.Dispose();
            throw;
        }
    }
}
