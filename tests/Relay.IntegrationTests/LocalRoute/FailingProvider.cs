using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>A real Kestrel provider on loopback that answers every request 500 (OpenAI error shape) and counts them.</summary>
internal sealed class FailingProvider : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FailingProvider(LoopbackServer server) => _server = server;

    public Uri BaseAddress => _server.BaseAddress;

    public ConcurrentQueue<string> Paths { get; } = new();

    public static async Task<FailingProvider> StartAsync()
    {
        FailingProvider? provider = null;
        var server = await LoopbackServer.StartAsync(async context =>
        {
            provider!.Paths.Enqueue(context.Request.Path.Value ?? "/");
            context.Response.StatusCode = 500;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"message":"provider is down","type":"server_error","param":null,"code":null}}""");
        });
        provider = new FailingProvider(server);
        return provider;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
