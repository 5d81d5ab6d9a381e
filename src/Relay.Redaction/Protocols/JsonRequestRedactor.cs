using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Redaction.Protocols;

/// <summary>
/// Redacts the human-text fields of an API request: collects them in document order, analyzes them in one call,
/// assigns placeholders by first appearance and splices the sanitized strings into the original bytes.
/// </summary>
internal sealed class JsonRequestRedactor : IRequestRedactor
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly IPiiAnalyzer _analyzer;

    public JsonRequestRedactor(IPiiAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _analyzer = analyzer;
    }

    public ValueTask<RedactedRequest> RedactAsync(
        ReadOnlyMemory<byte> body, ApiShape shape, RedactionPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var format = PlaceholderFormat.Get(policy.PlaceholderFormat);
        if (body.Span.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        var plan = RequestPlan.Create(body.Span, shape);
        return RedactCoreAsync(body, plan, format, policy, cancellationToken);
    }

    private async ValueTask<RedactedRequest> RedactCoreAsync(
        ReadOnlyMemory<byte> body, RequestPlan plan, PlaceholderFormat format, RedactionPolicy policy, CancellationToken cancellationToken)
    {
        var spans = plan.Texts.Count == 0
            ? []
            : await _analyzer.AnalyzeAsync(plan.Texts, policy, cancellationToken);
        var vault = new PlaceholderVault(format);
        try
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var redacted = PlaceholderAssigner.Apply(plan.Texts, spans, vault, counts);
            return new RedactedRequest
            {
                Body = plan.Rewrite(body.Span, redacted),
                Vault = vault,
                Stream = plan.Stream,
                Model = plan.Model,
                EntityCounts = counts,
            };
        }
        catch
        {
            vault.Dispose();
            throw;
        }
    }
}
