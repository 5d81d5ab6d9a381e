namespace StealthRelay.LocalFallback.Service;

/// <summary>The model failed to load less than <see cref="LocalOptions.LoadRetrySeconds"/> ago; no new try yet.</summary>
internal sealed class ModelLoadDeferredException(int retrySeconds) : Exception("The local model failed to load recently.")
{
    /// <summary>Seconds until the next request may try to load the model again.</summary>
    public int RetrySeconds { get; } = retrySeconds;
}
