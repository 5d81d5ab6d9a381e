using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Telemetry;

namespace StealthRelay.Gateway.Resilience;

/// <summary>Registers upstream resilience (invoker factory, circuit registry, option validation) and graceful shutdown.</summary>
internal static class ResilienceServiceCollectionExtensions
{
    public static IServiceCollection AddRelayResilience(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<RelayOptions>, ResilienceOptionsValidator>();
        services.AddSingleton<UpstreamInvokerFactory>();
        services.AddSingleton<CircuitRegistry>();
        // Replaces the telemetry default (every circuit closed): /readyz and the circuit gauge see the real breakers.
        services.AddSingleton<ICircuitStateSource>(sp => sp.GetRequiredService<CircuitRegistry>());
        // Kestrel stops accepting at once when the host stops; in-flight requests (streams) get this long to finish.
        // Read from the configuration when the host options are built, so sources added after this call count too; not
        // through IOptions<RelayOptions>, whose validation would then fail alone instead of with all start-up errors.
        // Unset, the host's own shutdownTimeoutSeconds stays in force; the validator reports an out-of-range value.
        services.AddOptions<HostOptions>().Configure<IConfiguration>((host, configuration) =>
        {
            var shutdown = configuration.GetSection(RelayOptions.SectionName).GetSection(nameof(RelayOptions.Shutdown));
            if (shutdown.GetValue<int?>(nameof(ShutdownOptions.DrainSeconds)) is int drain)
            {
                host.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(drain, 0, 3600));
            }
        });
        return services;
    }
}
