namespace StealthRelay.Gateway.Configuration;

/// <summary>Size and time limits, bound from <c>Relay:Limits</c>.</summary>
public sealed class LimitsOptions
{
    /// <summary>Largest request body read into memory; larger bodies get 413 and are not forwarded. Default 8 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest non-streamed upstream answer held in memory for restoring. Default 64 MiB.</summary>
    public long MaxResponseBodyBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Seconds the upstream may stay silent (no headers, no bytes) before the call is cancelled. Default 300.</summary>
    public int UpstreamActivityTimeoutSeconds { get; set; } = 300;
}
