namespace StealthRelay.LocalFallback.Service;

/// <summary>
/// Status line and headers of a local answer, handed to the caller once, before the first body byte.
/// <paramref name="RetryAfterSeconds"/> is set with 429 and goes into a <c>Retry-After</c> header.
/// </summary>
public readonly record struct LocalResponseHead(int StatusCode, string ContentType, int? RetryAfterSeconds);
