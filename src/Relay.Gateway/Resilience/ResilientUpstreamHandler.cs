using System.Text.Json;
using StealthRelay.Gateway.Proxy;
using StealthRelay.Gateway.Telemetry;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// The handler behind an upstream's <see cref="HttpMessageInvoker"/> (what YARP sends through). Sends through the
/// primary <see cref="UpstreamChannel"/>; when it fails without an answer, or its retries end on a transient status,
/// and a fallback is configured, the same request (same sanitized bytes) goes to the fallback upstream with its own
/// destination and credentials, but only when that is safe: the caller's client key may use the fallback, and the
/// fallback would have redacted the request exactly as it was redacted (same effective policy); otherwise the primary's
/// failure is answered. The chosen answer's body is wrapped in <see cref="GuardedContent"/>, which turns
/// resets, truncation, malformed streams and timeouts into <see cref="UpstreamExchange.BodyFault"/>.
/// </summary>
internal sealed class ResilientUpstreamHandler(UpstreamChannel primary, UpstreamChannel? fallback, ILogger logger, UpstreamMetrics metrics) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.TryGetValue(UpstreamExchange.Key, out var exchange);
        var started = primary.Time.GetTimestamp();
        var content = ResilientRequest.AttemptContent(request, exchange); // holds no resources: not disposed
        UpstreamChannel answering = primary;
        HttpResponseMessage response;
        try
        {
            response = await primary.SendAsync(request, content, exchange, cancellationToken);
            if (fallback is not null && RetryAfter.IsTransient(response.StatusCode) && MayFallBack(exchange, UpstreamFailureKind.BadResponse))
            {
                ResilienceLog.FallingBack(logger, primary.Upstream.Name, UpstreamFailureKind.BadResponse, fallback.Upstream.Name);
                response.Dispose();
                (answering, response) = (fallback, await SendToFallbackAsync(request, content, fallback, exchange, cancellationToken));
            }
        }
        catch (UpstreamFailureException ex) when (fallback is not null && MayFallBack(exchange, ex.Kind))
        {
            ResilienceLog.FallingBack(logger, primary.Upstream.Name, ex.Kind, fallback.Upstream.Name);
            (answering, response) = (fallback, await SendToFallbackAsync(request, content, fallback, exchange, cancellationToken));
        }

        if (exchange is not null)
        {
            exchange.AnsweredBy = answering.Upstream.Name;
        }

        if (response.Content is { } answer)
        {
            var isStream = string.Equals(answer.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);
            CancellationTokenSource? lifetime = null;
            response.RequestMessage?.Options.TryGetValue(UpstreamChannel.LifetimeKey, out lifetime);
            response.Content = new GuardedContent(answer, exchange, isStream, answering.Settings, answering.Time, started, lifetime);
        }

        return response;
    }

    /// <summary>
    /// Whether the sanitized bytes may go to the fallback: never to an upstream the caller's client key may not use,
    /// and never under a policy other than the one they were redacted under (a fallback with a stricter policy would
    /// receive values it redacts; a more lenient one would give the client a different answer than asked for).
    /// </summary>
    private bool MayFallBack(UpstreamExchange? exchange, UpstreamFailureKind kind)
    {
        var target = fallback!.Upstream;
        var (outcome, reason) = exchange is null ? ("refused_policy", "the request's redaction is unknown")
            : exchange.Client is { } client && !client.MayUse(target.Name) ? ("refused_client", "the client key may not use it")
            : !SamePolicy(exchange.Client?.Policy ?? target.Policy, exchange.RedactedUnder) ? ("refused_policy", "it redacts under a different policy")
            : ("taken", null);
        metrics.Fallback(primary.Upstream.Name, target.Name, outcome);
        if (reason is null)
        {
            return true;
        }

        ResilienceLog.FallbackRefused(logger, primary.Upstream.Name, kind, target.Name, reason);
        return false;
    }

    private static bool SamePolicy(RedactionPolicy a, RedactionPolicy b) =>
        ReferenceEquals(a, b)
        || string.Equals(JsonSerializer.Serialize(a), JsonSerializer.Serialize(b), StringComparison.Ordinal);

    private static async Task<HttpResponseMessage> SendToFallbackAsync(
        HttpRequestMessage request, HttpContent? content, UpstreamChannel fallback, UpstreamExchange? exchange, CancellationToken cancellationToken)
    {
        // Same path and query, same sanitized content; the fallback's destination and credentials.
        var pathAndQuery = request.Options.TryGetValue(PathKey, out var path) ? path : request.RequestUri!.PathAndQuery;
        request.RequestUri = new Uri(fallback.Upstream.DestinationPrefix + pathAndQuery);
        RelayTransformer.ApplyCredentials(request, fallback.Upstream);
        return await fallback.SendAsync(request, content, exchange, cancellationToken);
    }

    /// <summary>The client's path and query (set by the transformer), appended to the fallback's base address.</summary>
    public static readonly HttpRequestOptionsKey<string> PathKey = new("StealthRelay.ClientPathAndQuery");
}
