using StealthRelay.Gateway.Security;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// The state of one forwarded call shared by the gateway's request pipeline and <see cref="ResilientUpstreamHandler"/>
/// (carried in <see cref="HttpRequestMessage.Options"/>): the sanitized body every attempt re-sends, which upstream
/// answered, how many attempts were made, a fault found while reading the answer's body, and what a fallback upstream
/// must satisfy to receive the same bytes (the caller may use it, and it redacts under the same policy).
/// </summary>
internal sealed class UpstreamExchange(ReadOnlyMemory<byte>? sanitizedBody, RedactionPolicy redactedUnder, RelayClient? client)
{
    public static readonly HttpRequestOptionsKey<UpstreamExchange> Key = new("StealthRelay.UpstreamExchange");

    /// <summary>The exact bytes sent on every attempt (the sanitized body), or null for requests without a body.</summary>
    public ReadOnlyMemory<byte>? SanitizedBody { get; } = sanitizedBody;

    /// <summary>The policy the body was redacted under (the client's, else the upstream's, else the global one).</summary>
    public RedactionPolicy RedactedUnder { get; } = redactedUnder;

    /// <summary>The caller's client key (its allowed upstreams and policy), or null in pass-through mode.</summary>
    public RelayClient? Client { get; } = client;

    /// <summary>The upstream whose answer is relayed (the fallback's name when the fallback answered).</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>Attempts sent, all upstreams together.</summary>
    public int Attempts => _attempts;

    /// <summary>A failure found while reading the answer's body (reset, truncation, malformed stream, timeout); null if none.</summary>
    public UpstreamFailureKind? BodyFault { get; set; }

    private int _attempts;

    public void CountAttempt() => Interlocked.Increment(ref _attempts);
}
