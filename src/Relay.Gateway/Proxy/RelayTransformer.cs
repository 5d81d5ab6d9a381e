using System.Net.Http.Headers;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Resilience;
using StealthRelay.Gateway.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace StealthRelay.Gateway.Proxy;

/// <summary>
/// Per-request YARP transformer. Derives from <see cref="HttpTransformer"/> directly (not the route TransformBuilder),
/// so no X-Forwarded-* headers are ever added; scrubs metadata, sets credentials, asks for identity encoding, and
/// picks how the answer is restored.
/// </summary>
internal sealed class RelayTransformer(
    Upstream upstream, RestoringResponseStream responseStream, UpstreamExchange? exchange = null, Func<int, bool>? divertStatus = null) : HttpTransformer
{
    /// <summary>The upstream status held back (not copied to the client) because <c>divertStatus</c> chose to answer locally.</summary>
    public int? DivertedStatus { get; private set; }

    public override async ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        HeaderScrubber.Scrub(proxyRequest);
        ApplyCredentials(proxyRequest, upstream);

        // Answers must be readable to be restored: ask for identity encoding.
        proxyRequest.Headers.AcceptEncoding.Clear();
        proxyRequest.Headers.TryAddWithoutValidation("Accept-Encoding", "identity");
        if (exchange is not null)
        {
            ResilientRequest.Prepare(httpContext, proxyRequest, exchange);
        }
    }

    public override async ValueTask<bool> TransformResponseAsync(
        HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is not null && divertStatus is not null && divertStatus((int)proxyResponse.StatusCode))
        {
            DivertedStatus = (int)proxyResponse.StatusCode;
            return false; // nothing of this answer reaches the client; the local route answers instead
        }

        var proceed = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (proxyResponse is null)
        {
            return proceed;
        }

        if (exchange?.AnsweredBy is { } answeredBy && !string.Equals(answeredBy, upstream.Name, StringComparison.OrdinalIgnoreCase))
        {
            RelayResponseHeaders.SetRoute(httpContext, "upstream:" + answeredBy);
        }

        var headers = httpContext.Response.Headers;
        foreach (var name in headers.Keys.Where(k => k.StartsWith("X-Relay-", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            headers.Remove(name);
        }

        var encoding = proxyResponse.Content.Headers.ContentEncoding.LastOrDefault();
        if (string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase))
        {
            encoding = null;
        }

        var mode = responseStream.Configure((int)proxyResponse.StatusCode, proxyResponse.Content.Headers.ContentType?.MediaType, encoding);
        if (mode != ResponseMode.PassThrough)
        {
            // Restoring changes the length; a compressed answer (although identity was asked for) is decoded first.
            headers.ContentLength = null;
            headers.Remove("Content-Encoding");
        }

        return proceed;
    }

    internal static void ApplyCredentials(HttpRequestMessage request, Upstream upstream)
    {
        if (upstream.ApiKey is not { } key || upstream.Protocol == UpstreamProtocol.Echo)
        {
            return; // pass the client's own credentials through
        }

        request.Headers.Remove("Authorization");
        request.Headers.Remove("x-api-key");
        if (upstream.Protocol == UpstreamProtocol.Anthropic)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", key);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }
}
