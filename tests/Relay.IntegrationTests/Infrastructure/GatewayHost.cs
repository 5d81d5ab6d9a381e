using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Gateway;

namespace StealthRelay.IntegrationTests.Infrastructure;

/// <summary>The real gateway (built by <see cref="GatewayApp.Build"/>) on a loopback Kestrel port, pointed at a fake provider.</summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    public const string HmacKey = "integration-test-hmac-key-0123456789";

    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>A plain client for raw-protocol assertions.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<GatewayHost> StartAsync(
        FakeProvider? provider,
        IDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? services = null,
        params string[] extraArgs)
    {
        var config = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Relay:Privacy:HmacKey"] = HmacKey,
        };
        if (provider is not null)
        {
            config["Relay:Upstreams:openai:Protocol"] = "OpenAI";
            config["Relay:Upstreams:openai:BaseUrl"] = new Uri(provider.BaseAddress, "/openai").ToString();
            config["Relay:Upstreams:anthropic:Protocol"] = "Anthropic";
            config["Relay:Upstreams:anthropic:BaseUrl"] = provider.BaseAddress.ToString();
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = GatewayApp.Build(["--urls=http://127.0.0.1:0", .. extraArgs], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            services?.Invoke(builder.Services);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayHost(app, new Uri(address));
    }

    /// <summary>Stops the host as a shutdown signal would (Kestrel stops accepting, in-flight requests may drain).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
