using StealthRelay.Gateway.Resilience;

namespace StealthRelay.Gateway.Configuration;

/// <summary>The gateway's configuration, bound from the <c>Relay</c> section and validated at start-up.</summary>
public sealed class RelayOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Relay";

    /// <summary>Providers by name (case-insensitive). Defaults: <c>openai</c> and <c>anthropic</c>.</summary>
    public Dictionary<string, UpstreamOptions> Upstreams { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Which upstream serves which API family.</summary>
    public RoutingOptions Routing { get; set; } = new();

    /// <summary>Gateway-wide redaction policy.</summary>
    public RedactionSettings Redaction { get; set; } = new();

    /// <summary>Size and time limits.</summary>
    public LimitsOptions Limits { get; set; } = new();

    /// <summary>Metadata privacy.</summary>
    public PrivacyOptions Privacy { get; set; } = new();

    /// <summary>Telemetry export (off by default).</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Clients and their key hashes; empty means pass-through mode (the client's own provider key is forwarded).</summary>
    public Dictionary<string, Security.ClientOptions> Clients { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Access to the <c>/relay/*</c> endpoints.</summary>
    public Security.AdminOptions Admin { get; set; } = new();

    /// <summary>Default rate limit per client (or per remote address in pass-through mode).</summary>
    public Security.RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Gateway-wide resilience defaults (timeouts, retries, circuit breaker).</summary>
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>Graceful shutdown.</summary>
    public ShutdownOptions Shutdown { get; set; } = new();
}
