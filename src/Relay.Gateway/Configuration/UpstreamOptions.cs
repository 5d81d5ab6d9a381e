using StealthRelay.Gateway.Resilience;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Gateway.Configuration;

/// <summary>One provider the gateway forwards to, bound from <c>Relay:Upstreams:&lt;name&gt;</c>.</summary>
public sealed class UpstreamOptions
{
    /// <summary>Wire protocol: <c>OpenAI</c>, <c>Anthropic</c> or <c>Echo</c> (demo). Required.</summary>
    public UpstreamProtocol? Protocol { get; set; }

    /// <summary>
    /// Absolute http(s) base address; the client's path is appended unchanged (BaseUrl + <c>/v1/...</c>), so it may carry a
    /// path prefix. Required unless <see cref="Protocol"/> is <c>Echo</c>.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Optional provider key. When set it replaces the client's credentials (Bearer for OpenAI, <c>x-api-key</c> for
    /// Anthropic); when absent the client's own <c>Authorization</c> / <c>x-api-key</c> pass through.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Optional policy for this upstream; overrides <c>Relay:Redaction:Policy</c> as a whole.</summary>
    public RedactionPolicy? Policy { get; set; }

    /// <summary>Timeouts, retries and circuit breaker for this upstream; each key set overrides <c>Relay:Resilience</c>.</summary>
    public ResilienceOptions? Resilience { get; set; }

    /// <summary>
    /// Optional name of another upstream of the same protocol that gets the same sanitized request when this one's
    /// retries are exhausted or its circuit is open.
    /// </summary>
    public string? Fallback { get; set; }
}
