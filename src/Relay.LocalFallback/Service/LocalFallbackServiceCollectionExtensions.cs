using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StealthRelay.LocalFallback.Service;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the local llama.cpp model.</summary>
public static class LocalFallbackServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ILocalChatService"/> (singleton) with <see cref="LocalOptions"/> validated on start.
    /// Bind configuration yourself, e.g. <c>services.Configure&lt;LocalOptions&gt;(config.GetSection("Relay:Local"))</c>,
    /// and/or pass <paramref name="configure"/>. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddLocalFallback(this IServiceCollection services, Action<LocalOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LocalOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalOptions>, LocalOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILocalChatService, LocalChatService>();
        return services;
    }
}
