namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// Timeouts, retries and circuit breaking for calls to an upstream, bound from <c>Relay:Resilience</c> (gateway-wide
/// defaults) and <c>Relay:Upstreams:&lt;name&gt;:Resilience</c> (per upstream; each key set there overrides the
/// gateway-wide one). Unset keys take the defaults documented on <see cref="ResilienceSettings"/>.
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>Time to open the TCP/TLS connection (<c>SocketsHttpHandler.ConnectTimeout</c>). Default 10 s.</summary>
    public TimeSpan? ConnectTimeout { get; set; }

    /// <summary>Time for one attempt to receive the response headers. Default 60 s.</summary>
    public TimeSpan? FirstByteTimeout { get; set; }

    /// <summary>Whole exchange of a non-streamed answer, retries included; bounds the header phase of streams. Default 300 s.</summary>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>Longest silence between two chunks of a streamed answer. Default 120 s.</summary>
    public TimeSpan? StreamIdleTimeout { get; set; }

    /// <summary>Retries after the first attempt (0 disables retrying). Default 2.</summary>
    public int? MaxRetries { get; set; }

    /// <summary>Base of the jittered exponential back-off. Default 1 s.</summary>
    public TimeSpan? RetryBaseDelay { get; set; }

    /// <summary>Longest back-off between two attempts. Default 30 s.</summary>
    public TimeSpan? RetryMaxDelay { get; set; }

    /// <summary>Longest upstream <c>Retry-After</c> honoured; a longer one is not retried (the client gets the answer). Default 30 s.</summary>
    public TimeSpan? MaxRetryAfter { get; set; }

    /// <summary>Whether the per-upstream circuit breaker is on. Default true.</summary>
    public bool? CircuitBreakerEnabled { get; set; }

    /// <summary>Share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double? FailureRatio { get; set; }

    /// <summary>Attempts needed within <see cref="SamplingDuration"/> before the ratio counts (at least 2). Default 10.</summary>
    public int? MinimumThroughput { get; set; }

    /// <summary>Window in which failures are counted (at least 0.5 s). Default 30 s.</summary>
    public TimeSpan? SamplingDuration { get; set; }

    /// <summary>How long an open circuit refuses calls (at least 0.5 s). Default 30 s.</summary>
    public TimeSpan? BreakDuration { get; set; }
}
