using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace StealthRelay.Gateway.Local;

/// <summary>
/// Sends local-route traffic to <c>Relay:Local:Endpoint</c> (vLLM, llama.cpp server, Ollama: OpenAI-compatible) with
/// YARP. The body is the original, unredacted one, held in memory only: the endpoint is inside the building.
/// </summary>
internal sealed class LocalEndpointForwarder(IHttpForwarder forwarder, LocalEndpointInvoker invoker)
{
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
        return await forwarder.SendAsync(context, prefix, invoker.Invoker, ForwarderRequestConfig.Empty, LocalEndpointTransformer.Instance, cancellationToken);
    }
}
