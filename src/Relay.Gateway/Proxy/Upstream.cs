using StealthRelay.Gateway.Configuration;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Gateway.Proxy;

/// <summary>A validated upstream ready to forward to.</summary>
internal sealed record Upstream(
    string Name, UpstreamProtocol Protocol, string DestinationPrefix, string? ApiKey, RedactionPolicy Policy, HttpMessageInvoker Invoker)
{
    /// <summary>The value of the <c>X-Relay-Route</c> header for answers about this upstream.</summary>
    public string RouteTag => "upstream:" + Name;
}
