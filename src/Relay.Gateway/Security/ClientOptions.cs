using StealthRelay.Redaction.Policy;

namespace StealthRelay.Gateway.Security;

/// <summary>One client of the gateway, bound from <c>Relay:Clients:&lt;name&gt;</c>.</summary>
public sealed class ClientOptions
{
    /// <summary>Lower-case (or upper-case) hex SHA-256 of the client's key (64 hex digits). The key itself is never stored. Required.</summary>
    public string? KeySha256 { get; set; }

    /// <summary>Upstream names this client may use; empty means every upstream.</summary>
    public List<string> AllowedUpstreams { get; set; } = [];

    /// <summary>Optional policy for this client; overrides the upstream's and the global policy as a whole.</summary>
    public RedactionPolicy? Policy { get; set; }

    /// <summary>Optional rate limit for this client; unset values fall back to <c>Relay:RateLimit</c>.</summary>
    public RateLimitOptions? RateLimit { get; set; }
}
