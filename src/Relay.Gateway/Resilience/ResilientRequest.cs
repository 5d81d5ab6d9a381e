namespace StealthRelay.Gateway.Resilience;

/// <summary>Makes YARP's outgoing request re-sendable: the exchange and client path attached, the sanitized bytes as attempt content.</summary>
internal static class ResilientRequest
{
    public static void Prepare(HttpContext context, HttpRequestMessage proxyRequest, UpstreamExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(proxyRequest);
        ArgumentNullException.ThrowIfNull(exchange);
        proxyRequest.Options.Set(UpstreamExchange.Key, exchange);
        proxyRequest.Options.Set(ResilientUpstreamHandler.PathKey, context.Request.Path.Value + context.Request.QueryString.Value);
    }

    /// <summary>
    /// The content every attempt sends: YARP's streaming content can be sent once (and YARP forbids replacing it), so
    /// attempts send copies of the message carrying the same sanitized bytes (never re-redacted). The original request
    /// body never reaches this point: the pipeline replaced it by the sanitized one before calling YARP.
    /// </summary>
    public static HttpContent? AttemptContent(HttpRequestMessage proxyRequest, UpstreamExchange? exchange)
    {
        ArgumentNullException.ThrowIfNull(proxyRequest);
        if (exchange?.SanitizedBody is not { } body || proxyRequest.Content is not { } streamed)
        {
            return proxyRequest.Content;
        }

        var content = new ReadOnlyMemoryContent(body);
        foreach (var header in streamed.Headers)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        content.Headers.ContentLength = body.Length;
        return content;
    }
}
