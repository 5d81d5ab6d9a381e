using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StealthRelay.Gateway.Local;

/// <summary>Registers the local route: the router, the handler, the failure policy and, when configured, the local model.</summary>
internal static class LocalRouteServiceCollectionExtensions
{
    public const string LocalSection = "Relay:Local";

    /// <summary>The routing services (always registered: local-only mode must refuse even without a model).</summary>
    public static IServiceCollection AddLocalRoute(this IServiceCollection services)
    {
        services.TryAddSingleton<LocalRouter>();
        services.TryAddSingleton<IUpstreamFailurePolicy, FallbackToLocalPolicy>();
        services.TryAddSingleton<LocalEndpointInvoker>();
        services.TryAddSingleton<LocalEndpointForwarder>();
        services.TryAddSingleton<LocalEndpointTranslator>();
        services.TryAddSingleton<LocalRouteHandler>();
        return services;
    }

    /// <summary>
    /// Adds the local model (<c>services.AddLocalFallback</c>, bound from <c>Relay:Local</c>) only when ModelPath or
    /// Endpoint is set, so a gateway without a local model starts and refuses local-only requests with a 503.
    /// Called once the configuration is complete (after callers added their sources).
    /// </summary>
    public static IServiceCollection AddLocalModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var local = configuration.GetSection(LocalSection);
        if (!string.IsNullOrWhiteSpace(local["ModelPath"]) || !string.IsNullOrWhiteSpace(local["Endpoint"]))
        {
            services.AddLocalFallback(options => local.Bind(options));
        }

        return services;
    }
}
