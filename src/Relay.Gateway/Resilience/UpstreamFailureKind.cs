namespace StealthRelay.Gateway.Resilience;

/// <summary>Why a call to an upstream failed.</summary>
internal enum UpstreamFailureKind
{
    /// <summary>No connection, refused, reset before the headers (502).</summary>
    Unreachable,

    /// <summary>The answer broke off, was truncated or malformed (502, or an error event in a stream).</summary>
    BadResponse,

    /// <summary>No headers within the first-byte/total timeout, or a body slower than the total/idle timeout (504).</summary>
    Timeout,

    /// <summary>The upstream's circuit is open: it was not called (503 with Retry-After).</summary>
    CircuitOpen,

    /// <summary>
    /// The upstream answered with a 5xx status once retries were exhausted and the answer was held back for the local
    /// model (<c>Relay:Routing:FallbackToLocal</c>); without that the provider's own error is relayed.
    /// </summary>
    ServerError,
}
