namespace StealthRelay.Gateway.Security;

/// <summary>
/// A fixed-window rate limit, bound from <c>Relay:RateLimit</c> (the default for every partition) and
/// <c>Relay:Clients:&lt;name&gt;:RateLimit</c> (per client; unset values fall back to the default).
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Built-in permits per window when neither level sets one.</summary>
    public const int DefaultPermitLimit = 600;

    /// <summary>Requests allowed per window; 0 disables the limit. Built-in default 600.</summary>
    public int? PermitLimit { get; set; }

    /// <summary>Window length. Built-in default one minute.</summary>
    public TimeSpan? Window { get; set; }

    /// <summary>Requests queued (oldest first) once the window's permits are used; 0 rejects at once. Built-in default 0.</summary>
    public int? QueueLimit { get; set; }
}
