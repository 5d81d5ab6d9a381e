namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// The state of one forwarded call shared by the gateway's request pipeline and <see cref="ResilientUpstreamHandler"/>
/// (carried in <see cref="HttpRequestMessage.Options"/>): the sanitized body every attempt re-sends, which upstream
/// answered, how many attempts were made, and a fault found while reading the answer's body.
/// </summary>
internal sealed class UpstreamExchange(ReadOnlyMemory<byte>? sanitizedBody)
{
    public static readonly HttpRequestOptionsKey<UpstreamExchange> Key = new("StealthRelay.UpstreamExchange");

    /// <summary>The exact bytes sent on every attempt (the sanitized body), or null for requests without a body.</summary>
    public ReadOnlyMemory<byte>? SanitizedBody { get; } = sanitizedBody;

    /// <summary>The upstream whose answer is relayed (the fallback's name when the fallback answered).</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>Attempts sent, all upstreams together.</summary>
    public int Attempts => _attempts;

    /// <summary>A failure found while reading the answer's body (reset, truncation, malformed stream, timeout); null if none.</summary>
    public UpstreamFailureKind? BodyFault { get; set; }

    private int _attempts;

    public void CountAttempt() => Interlocked.Increment(ref _attempts);
}
