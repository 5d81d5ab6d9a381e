using Microsoft.Extensions.DependencyInjection;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>
/// The real stories260K model loaded once through the real llama.cpp library (<c>services.AddLocalFallback</c>) and
/// shared by every gateway of the <see cref="LocalModelGroup"/>: each gateway gets this
/// <see cref="ILocalChatService"/> instead of loading its own copy.
/// </summary>
public sealed class LocalModelFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public static string ModelPath => StealthRelay.LocalFallback.Tests.TestModel.Path;

    internal ILocalChatService Chat => _services!.GetRequiredService<ILocalChatService>();

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddLocalFallback(options =>
        {
            options.ModelPath = ModelPath;
            options.ContextSize = 256;
        });
        _services = services.BuildServiceProvider();
        await Chat.WarmUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
