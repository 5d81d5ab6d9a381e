using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Diagnostics;
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
    private readonly RedactionDiagnostics _diagnostics;
    private readonly TimeProvider _time;

    public JsonRequestRedactor(IPiiAnalyzer analyzer, RedactionDiagnostics? diagnostics = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _analyzer = analyzer;
        _diagnostics = diagnostics ?? new RedactionDiagnostics();
        _time = time ?? TimeProvider.System;
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

        return RedactMeasuredAsync(body, shape, format, policy, cancellationToken);
    }

    /// <summary>Wraps the work in the <c>redaction</c> span and records its outcome: types, counts and timings only.</summary>
    private async ValueTask<RedactedRequest> RedactMeasuredAsync(
        ReadOnlyMemory<byte> body, ApiShape shape, PlaceholderFormat format, RedactionPolicy policy, CancellationToken cancellationToken)
    {
        var shapeName = shape.ToString();
        using var activity = RedactionDiagnostics.StartRedaction(shapeName);
        var started = _time.GetTimestamp();
        try
        {
            var plan = RequestPlan.Create(body.Span, shape);
            var detectionStarted = _time.GetTimestamp();
            var spans = plan.Texts.Count == 0
                ? []
                : await _analyzer.AnalyzeAsync(plan.Texts, policy, cancellationToken);
            var detection = _time.GetElapsedTime(detectionStarted);
            var result = Apply(body, plan, spans, format);
            _diagnostics.Completed(activity, shapeName, result.EntityCounts, detection, _time.GetElapsedTime(started));
            return result;
        }
        catch (Exception ex)
        {
            var failure = ex switch
            {
                RedactionException redaction => redaction.Failure.ToString(),
                OperationCanceledException => "Cancelled",
                _ => ex.GetType().Name,
            };
            _diagnostics.Failed(activity, shapeName, failure, _time.GetElapsedTime(started));
            throw;
        }
    }

    private static RedactedRequest Apply(
        ReadOnlyMemory<byte> body, RequestPlan plan, IReadOnlyList<IReadOnlyList<EntitySpan>> spans, PlaceholderFormat format)
    {
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
