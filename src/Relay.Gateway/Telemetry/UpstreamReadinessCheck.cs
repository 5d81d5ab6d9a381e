using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StealthRelay.Gateway.Telemetry;

/// <summary>
/// Ready when at least one configured upstream's circuit is not open, or a local model is configured
/// (<c>Relay:Local:ModelPath</c> or <c>Relay:Local:Endpoint</c>) to answer instead.
/// </summary>
internal sealed class UpstreamReadinessCheck(ICircuitStateSource circuits, IConfiguration configuration) : IHealthCheck
{
    public const string Name = "upstreams";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = circuits.GetStates().ToList();
        if (states.Any(s => s.State != CircuitState.Open))
        {
            return Task.FromResult(HealthCheckResult.Healthy("an upstream circuit is not open"));
        }

        var local = configuration.GetSection("Relay:Local");
        if (!string.IsNullOrWhiteSpace(local["ModelPath"]) || !string.IsNullOrWhiteSpace(local["Endpoint"]))
        {
            return Task.FromResult(HealthCheckResult.Healthy("local model configured"));
        }

        return Task.FromResult(HealthCheckResult.Unhealthy(states.Count == 0 ? "no upstream configured" : "every upstream circuit is open"));
    }
}
