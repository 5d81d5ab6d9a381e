namespace StealthRelay.Gateway.Resilience;

/// <summary>Graceful shutdown, bound from <c>Relay:Shutdown</c>.</summary>
public sealed class ShutdownOptions
{
    /// <summary>
    /// Seconds in-flight requests (streams included) may take to finish once shutdown begins; new connections are
    /// refused from the start. Sets <c>HostOptions.ShutdownTimeout</c> when set. Unset: the host's own setting stays
    /// (<c>DOTNET_shutdownTimeoutSeconds</c>, which the Kubernetes manifests use; 30 s by default).
    /// </summary>
    public int? DrainSeconds { get; set; }
}
