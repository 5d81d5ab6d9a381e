using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Tests.Service;

/// <summary>Builds the service through the public entry point, <c>AddLocalFallback</c>, on the real model.</summary>
internal static class ServiceFactory
{
    public static ServiceProvider Build(Action<LocalOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddLocalFallback(options =>
        {
            options.ModelPath = TestModel.Path;
            options.ContextSize = 256;
            options.BatchSize = 64;
            options.Threads = 1;
            configure?.Invoke(options);
        });
        return services.BuildServiceProvider();
    }
}
