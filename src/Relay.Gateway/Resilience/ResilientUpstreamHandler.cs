using StealthRelay.Gateway.Proxy;

namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// The handler behind an upstream's <see cref="HttpMessageInvoker"/> (what YARP sends through). Sends through the
/// primary <see cref="UpstreamChannel"/>; when it fails without an answer, or its retries end on a transient status,
/// and a fallback is configured, the same request (same sanitized bytes) goes to the fallback upstream with its own
/// destination and credentials. The chosen answer's body is wrapped in <see cref="GuardedContent"/>, which turns
/// resets, truncation, malformed streams and timeouts into <see cref="UpstreamExchange.BodyFault"/>.
/// </summary>
internal sealed class ResilientUpstreamHandler(UpstreamChannel primary, UpstreamChannel? fallback, ILogger logger) : HttpMessageHandler
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
            if (fallback is not null && RetryAfter.IsTransient(response.StatusCode))
            {
                ResilienceLog.FallingBack(logger, primary.Upstream.Name, UpstreamFailureKind.BadResponse, fallback.Upstream.Name);
                response.Dispose();
                (answering, response) = (fallback, await SendToFallbackAsync(request, content, fallback, exchange, cancellationToken));
            }
        }
        catch (UpstreamFailureException ex) when (fallback is not null)
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
