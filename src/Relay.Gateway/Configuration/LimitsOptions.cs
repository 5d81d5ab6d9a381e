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

    /// <summary>Deepest JSON nesting accepted in a request body (1..128); deeper bodies get 400. Default 64.</summary>
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>Kestrel <c>MinRequestBodyDataRate</c> in bytes/s (5 s grace); 0 disables. Unset: Kestrel's default (240).</summary>
    public double? MinRequestBodyDataRateBytesPerSecond { get; set; }

    /// <summary>Kestrel <c>RequestHeadersTimeout</c> in seconds. Unset: Kestrel's default (30).</summary>
    public int? RequestHeadersTimeoutSeconds { get; set; }

    /// <summary>Kestrel <c>KeepAliveTimeout</c> in seconds. Unset: Kestrel's default (130).</summary>
    public int? KeepAliveTimeoutSeconds { get; set; }

    /// <summary>Kestrel <c>MaxRequestHeadersTotalSize</c> in bytes. Unset: Kestrel's default (32768).</summary>
    public int? MaxRequestHeadersTotalSize { get; set; }

    /// <summary>Kestrel <c>MaxConcurrentConnections</c>. Unset: unlimited (Kestrel's default).</summary>
    public long? MaxConcurrentConnections { get; set; }
}
