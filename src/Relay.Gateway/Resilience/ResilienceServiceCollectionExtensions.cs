using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Telemetry;

namespace StealthRelay.Gateway.Resilience;

/// <summary>Registers upstream resilience (invoker factory, circuit registry, option validation) and graceful shutdown.</summary>
internal static class ResilienceServiceCollectionExtensions
{
    public static IServiceCollection AddRelayResilience(this IServiceCollection services, IConfiguration relay)
    {
        ArgumentNullException.ThrowIfNull(relay);
        services.AddSingleton<IValidateOptions<RelayOptions>, ResilienceOptionsValidator>();
        services.AddSingleton<UpstreamInvokerFactory>();
        services.AddSingleton<CircuitRegistry>();
        // Replaces the telemetry default (every circuit closed): /readyz and the circuit gauge see the real breakers.
        services.AddSingleton<ICircuitStateSource>(sp => sp.GetRequiredService<CircuitRegistry>());
        // Kestrel stops accepting at once when the host stops; in-flight requests (streams) get this long to finish.
        var drain = relay.GetSection("Shutdown").GetValue(nameof(ShutdownOptions.DrainSeconds), new ShutdownOptions().DrainSeconds);
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(drain, 0, 3600)));
        return services;
    }
}
