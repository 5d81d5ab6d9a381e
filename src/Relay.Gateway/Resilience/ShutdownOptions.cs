namespace StealthRelay.Gateway.Resilience;

/// <summary>Graceful shutdown, bound from <c>Relay:Shutdown</c>.</summary>
public sealed class ShutdownOptions
{
    /// <summary>
    /// Seconds in-flight requests (streams included) may take to finish once shutdown begins; new connections are
    /// refused from the start. Sets <c>HostOptions.ShutdownTimeout</c>. Default 30.
    /// </summary>
    public int DrainSeconds { get; set; } = 30;
}
