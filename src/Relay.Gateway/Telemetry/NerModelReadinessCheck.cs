using Microsoft.Extensions.Diagnostics.HealthChecks;
using StealthRelay.Redaction.Ner;

namespace StealthRelay.Gateway.Telemetry;

/// <summary>Ready when no NER model is registered (disabled) or the registered one loads (it is loaded on first use).</summary>
internal sealed class NerModelReadinessCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "ner_model";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var model = services.GetService<INerModel>();
            return Task.FromResult(model is null ? HealthCheckResult.Healthy("disabled") : HealthCheckResult.Healthy("loaded"));
        }
#pragma warning disable CA1031 // Any load failure means not ready; the type name only is reported.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("load failed: " + ex.GetType().Name));
        }
    }
}
