using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>A real Kestrel provider on loopback that answers every request 500 (OpenAI error shape) and counts them.</summary>
internal sealed class FailingProvider : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FailingProvider(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<string> Paths { get; } = new();

    public static async Task<FailingProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FailingProvider? provider = null;
        app.Run(async context =>
        {
            provider!.Paths.Enqueue(context.Request.Path.Value ?? "/");
            context.Response.StatusCode = 500;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"message":"provider is down","type":"server_error","param":null,"code":null}}""");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider = new FailingProvider(app, new Uri(address));
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
