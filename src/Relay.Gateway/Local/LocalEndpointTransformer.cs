using StealthRelay.Gateway.Proxy;
using Yarp.ReverseProxy.Forwarder;

namespace StealthRelay.Gateway.Local;

/// <summary>
/// Forwards to the local server (OpenAI-compatible; Anthropic messages too when so configured): no X-Forwarded-* headers, client credentials and metadata removed
/// (the local server needs no provider key), the gateway's own request header dropped.
/// </summary>
internal sealed class LocalEndpointTransformer : HttpTransformer
{
    public static readonly LocalEndpointTransformer Instance = new();

    public override async ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        HeaderScrubber.Scrub(proxyRequest);
        proxyRequest.Headers.Remove("Authorization");
        proxyRequest.Headers.Remove("x-api-key");
        proxyRequest.Headers.Remove(Routing.RelayResponseHeaders.RouteHeader);
    }

    public override async ValueTask<bool> TransformResponseAsync(
        HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var proceed = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        var headers = httpContext.Response.Headers;
        foreach (var name in headers.Keys.Where(k => k.StartsWith("X-Relay-", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            headers.Remove(name);
        }

        return proceed;
    }
}
