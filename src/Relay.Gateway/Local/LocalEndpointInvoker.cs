using System.Diagnostics;
using System.Net;

namespace StealthRelay.Gateway.Local;

/// <summary>
/// The one connection pool to <c>Relay:Local:Endpoint</c>, shared by the YARP forwarder and the Anthropic translation:
/// no proxy, no redirects, no decompression, no cookies, no trace headers, 15 s to connect.
/// </summary>
internal sealed class LocalEndpointInvoker : IDisposable
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

    public HttpMessageInvoker Invoker => _invoker.Value;

    public void Dispose()
    {
        if (_invoker.IsValueCreated)
        {
            _invoker.Value.Dispose();
        }
    }
}
