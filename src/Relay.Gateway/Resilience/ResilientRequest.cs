namespace StealthRelay.Gateway.Resilience;

/// <summary>Makes YARP's outgoing request re-sendable: the sanitized bytes as content, the exchange and client path attached.</summary>
internal static class ResilientRequest
{
    public static void Prepare(HttpContext context, HttpRequestMessage proxyRequest, UpstreamExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(proxyRequest);
        ArgumentNullException.ThrowIfNull(exchange);
        proxyRequest.Options.Set(UpstreamExchange.Key, exchange);
        proxyRequest.Options.Set(ResilientUpstreamHandler.PathKey, context.Request.Path.Value + context.Request.QueryString.Value);
        if (exchange.SanitizedBody is not { } body || proxyRequest.Content is not { } streamed)
        {
            return;
        }

        // YARP's streaming content can be sent once; the same sanitized bytes (never re-redacted) can be sent on every
        // attempt. The original request body never reaches this point: it was replaced by the sanitized one.
        var content = new ReadOnlyMemoryContent(body);
        foreach (var header in streamed.Headers)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        content.Headers.ContentLength = body.Length;
        proxyRequest.Content = content;
    }
}
