using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Echo;
using StealthRelay.Gateway.Logging;
using StealthRelay.Gateway.Resilience;
using StealthRelay.Gateway.Routing;

namespace StealthRelay.Gateway.Proxy;

/// <summary>Builds one <see cref="HttpMessageInvoker"/> per upstream from the validated options and resolves routes.</summary>
internal sealed class UpstreamRegistry : IDisposable
{
    private readonly Dictionary<string, Upstream> _upstreams = new(StringComparer.OrdinalIgnoreCase);
    private readonly Upstream? _openAI;
    private readonly Upstream? _anthropic;

    public UpstreamRegistry(IOptions<RelayOptions> options, UpstreamInvokerFactory invokers, ILogger<UpstreamRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(invokers);
        var relay = options.Value;
        foreach (var (name, config) in relay.Upstreams)
        {
            var protocol = config.Protocol ?? throw new InvalidOperationException($"Relay:Upstreams:{name}:Protocol is required.");
            var policy = config.Policy ?? relay.Redaction.Policy;
            Upstream upstream;
            if (protocol == UpstreamProtocol.Echo)
            {
                upstream = new Upstream(name, protocol, "http://echo.invalid", config.ApiKey, policy, new HttpMessageInvoker(new EchoProviderHandler()));
                GatewayLog.EchoProviderActive(logger, name);
            }
            else
            {
                upstream = new Upstream(name, protocol, config.BaseUrl!.TrimEnd('/'), config.ApiKey, policy, invokers.Create(name, relay, CreateHandler));
                // Scheme, host and port only: a BaseUrl may carry user info or a tenant path.
                var uri = new Uri(upstream.DestinationPrefix);
                var origin = uri.Scheme + "://" + uri.Authority;
                GatewayLog.UpstreamConfigured(logger, name, protocol, origin,
                    config.ApiKey is null ? "client pass-through" : "gateway key");
            }

            _upstreams[name] = upstream;
        }

        _openAI = Find(relay.Routing.OpenAI);
        _anthropic = Find(relay.Routing.Anthropic);
    }

    public Upstream? For(ApiFamily family) => family == ApiFamily.Anthropic ? _anthropic : _openAI;

    public void Dispose()
    {
        foreach (var upstream in _upstreams.Values)
        {
            upstream.Invoker.Dispose();
        }
    }

    private Upstream? Find(string name) => string.IsNullOrEmpty(name) ? null : _upstreams.GetValueOrDefault(name);

    private static SocketsHttpHandler CreateHandler(TimeSpan connectTimeout) => new()
    {
        // As YARP recommends for forwarding: no proxy, no redirects, no cookies, no transparent decompression.
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = connectTimeout,
        // An answer the gateway stops reading (client gone, fault) closes its connection at once: draining it would keep
        // the provider generating (and billing) for nobody.
        MaxResponseDrainSize = 0,
        // Do not inject traceparent/tracestate: trace ids are correlatable metadata the provider does not need.
        ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
    };
}
