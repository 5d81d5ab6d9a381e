using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Proxy;
using StealthRelay.Gateway.Telemetry;

namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// Builds the resilient <see cref="HttpMessageInvoker"/> of each network upstream: one <see cref="UpstreamChannel"/>
/// (connection pool + circuit) per upstream, shared by the upstream's own invoker and by any upstream that names it
/// as <c>Fallback</c>, so a circuit is per upstream whichever route called it.
/// </summary>
internal sealed class UpstreamInvokerFactory(TimeProvider time, ILoggerFactory loggers, CircuitRegistry circuits, UpstreamMetrics metrics) : IDisposable
{
    private readonly Dictionary<string, UpstreamChannel> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger _logger = loggers.CreateLogger("StealthRelay.Gateway.Resilience");

    /// <summary>Creates the invoker YARP sends through for the network upstream <paramref name="name"/>.</summary>
    public HttpMessageInvoker Create(string name, RelayOptions relay, Func<TimeSpan, SocketsHttpHandler> createHandler)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(createHandler);
        var primary = Channel(name, relay, createHandler);
        var fallbackName = relay.Upstreams.GetValueOrDefault(name)?.Fallback;
        var fallback = string.IsNullOrEmpty(fallbackName) ? null : Channel(fallbackName, relay, createHandler);
        return new HttpMessageInvoker(new ResilientUpstreamHandler(primary, fallback, _logger, metrics));
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        _channels.Clear();
    }

    private UpstreamChannel Channel(string name, RelayOptions relay, Func<TimeSpan, SocketsHttpHandler> createHandler)
    {
        if (!_channels.TryGetValue(name, out var channel))
        {
            var config = relay.Upstreams[name];
            var settings = ResilienceSettings.Resolve(relay.Resilience, config.Resilience);
            channel = new UpstreamChannel(name, config, relay.Redaction.Policy, settings, createHandler(settings.ConnectTimeout), time, _logger,
                circuits, metrics);
            _channels[name] = channel;
        }

        return channel;
    }
}
