using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace StealthRelay.Gateway.Local;

/// <summary>
/// Sends local-route traffic to <c>Relay:Local:Endpoint</c> (vLLM, llama.cpp server, Ollama: OpenAI-compatible) with
/// YARP. The body is the original, unredacted one, held in memory only: the endpoint is inside the building.
/// </summary>
internal sealed class LocalEndpointForwarder(IHttpForwarder forwarder) : IDisposable
{
    private readonly Lazy<HttpMessageInvoker> _invoker = new(() => new HttpMessageInvoker(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
    }));

    public async Task<ForwarderError> ForwardAsync(HttpContext context, Uri endpoint, ReadOnlyMemory<byte> originalJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endpoint);
        var request = context.Request;
        request.Body = new MemoryStream(originalJson.ToArray(), writable: false);
        request.ContentLength = originalJson.Length;
        request.Headers.Remove("Transfer-Encoding");
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var prefix = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return await forwarder.SendAsync(context, prefix, _invoker.Value, ForwarderRequestConfig.Empty, LocalEndpointTransformer.Instance, cancellationToken);
    }

    public void Dispose()
    {
        if (_invoker.IsValueCreated)
        {
            _invoker.Value.Dispose();
        }
    }
}
