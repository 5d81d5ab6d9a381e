namespace StealthRelay.Gateway.Resilience;

/// <summary>The effective resilience settings of one upstream: per-upstream keys over gateway-wide keys over defaults.</summary>
internal sealed record ResilienceSettings
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan FirstByteTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(300);
    public TimeSpan StreamIdleTimeout { get; init; } = TimeSpan.FromSeconds(120);
    public int MaxRetries { get; init; } = 2;
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);
    public bool CircuitBreakerEnabled { get; init; } = true;
    public double FailureRatio { get; init; } = 0.5;
    public int MinimumThroughput { get; init; } = 10;
    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    public static ResilienceSettings Resolve(ResilienceOptions? global, ResilienceOptions? upstream)
    {
        var d = new ResilienceSettings();
        return new ResilienceSettings
        {
            ConnectTimeout = upstream?.ConnectTimeout ?? global?.ConnectTimeout ?? d.ConnectTimeout,
            FirstByteTimeout = upstream?.FirstByteTimeout ?? global?.FirstByteTimeout ?? d.FirstByteTimeout,
            TotalTimeout = upstream?.TotalTimeout ?? global?.TotalTimeout ?? d.TotalTimeout,
            StreamIdleTimeout = upstream?.StreamIdleTimeout ?? global?.StreamIdleTimeout ?? d.StreamIdleTimeout,
            MaxRetries = upstream?.MaxRetries ?? global?.MaxRetries ?? d.MaxRetries,
            RetryBaseDelay = upstream?.RetryBaseDelay ?? global?.RetryBaseDelay ?? d.RetryBaseDelay,
            RetryMaxDelay = upstream?.RetryMaxDelay ?? global?.RetryMaxDelay ?? d.RetryMaxDelay,
            MaxRetryAfter = upstream?.MaxRetryAfter ?? global?.MaxRetryAfter ?? d.MaxRetryAfter,
            CircuitBreakerEnabled = upstream?.CircuitBreakerEnabled ?? global?.CircuitBreakerEnabled ?? d.CircuitBreakerEnabled,
            FailureRatio = upstream?.FailureRatio ?? global?.FailureRatio ?? d.FailureRatio,
            MinimumThroughput = upstream?.MinimumThroughput ?? global?.MinimumThroughput ?? d.MinimumThroughput,
            SamplingDuration = upstream?.SamplingDuration ?? global?.SamplingDuration ?? d.SamplingDuration,
            BreakDuration = upstream?.BreakDuration ?? global?.BreakDuration ?? d.BreakDuration,
        };
    }
}
