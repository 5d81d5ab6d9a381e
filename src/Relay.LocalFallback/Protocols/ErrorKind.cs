namespace StealthRelay.LocalFallback.Protocols;

/// <summary>Errors the local model answers with, mapped to each provider's status and error type.</summary>
internal enum ErrorKind
{
    InvalidRequest,
    ContextLengthExceeded,
    RateLimited,
    Unavailable,
    Internal,
}
