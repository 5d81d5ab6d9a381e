using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.Resilience;

/// <summary><c>Relay:Shutdown:DrainSeconds</c>: on shutdown nothing new is accepted while an in-flight stream finishes.</summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private FaultyProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FaultyProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/messages")]
    public async Task Stop_StreamInFlight_StreamCompletesAndNewConnectionsRefused(string path)
    {
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Default = FaultyProvider.PauseAfter(0.4, resume.Task);
        await using var gateway = await ResilienceFixture.StartGatewayAsync(_provider, new Dictionary<string, string?>
        {
            ["Relay:Shutdown:DrainSeconds"] = "30",
            ["Relay:Resilience:StreamIdleTimeout"] = "00:01:00",
        });
        using var request = ResilienceFixture.Chat(path, stream: true);
        using var response = await gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var text = new StringBuilder();
        var buffer = new byte[4096];
        text.Append(Encoding.UTF8.GetString(buffer, 0, await stream.ReadAsync(buffer))); // the stream is in flight

        var stopping = gateway.StopAsync();

        // Bounded wait until a new connection is refused (Kestrel stops accepting as shutdown begins).
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            while (await AcceptsNewConnectionAsync(gateway.BaseAddress, deadline.Token))
            {
                await Task.Delay(50, deadline.Token);
            }
        }

        Assert.False(stopping.IsCompleted); // still draining: the stream holds it open
        resume.SetResult();
        int read;
        while ((read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20))) > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        var whole = text.ToString();
        Assert.Contains(EchoProtocol.Prefix + Pii.Prompt, Sse.ConcatenateText(whole), StringComparison.Ordinal); // finished and restored
        Assert.Contains(path.StartsWith("/v1/messages", StringComparison.Ordinal) ? "message_stop" : "[DONE]", whole, StringComparison.Ordinal);
        Assert.Single(_provider.Calls);
    }

    [Fact]
    public async Task Stop_StreamOutlastsDrainDeadline_CutAndUpstreamCancelled()
    {
        _provider.Default = FaultyProvider.PauseAfter(0.4, Task.Delay(Timeout.Infinite));
        await using var gateway = await ResilienceFixture.StartGatewayAsync(_provider, new Dictionary<string, string?>
        {
            ["Relay:Shutdown:DrainSeconds"] = "1",
            ["Relay:Resilience:StreamIdleTimeout"] = "00:01:00",
        });
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: true);
        using var response = await gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        Assert.True(await stream.ReadAsync(buffer) > 0);

        await gateway.StopAsync().WaitAsync(TimeSpan.FromSeconds(20)); // the deadline ends the drain: never a hang

        await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            while (await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20)) > 0)
            {
            }
        });
        await _provider.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(20)); // the upstream call was cancelled with it
    }

    [Theory]
    [InlineData(null, 120)] // unset: the host's own shutdownTimeoutSeconds (what deploy/ sets) stays
    [InlineData("7", 7)]
    public async Task HostOptions_DrainSeconds_OverridesShutdownTimeoutOnlyWhenSet(string? drainSeconds, int expectedSeconds)
    {
        await using var gateway = await ResilienceFixture.StartGatewayAsync(_provider, new Dictionary<string, string?>
        {
            ["shutdownTimeoutSeconds"] = "120",
            ["Relay:Shutdown:DrainSeconds"] = drainSeconds,
        });

        var host = gateway.Services.GetRequiredService<IOptions<HostOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), host.ShutdownTimeout);
    }

    private static async Task<bool> AcceptsNewConnectionAsync(Uri address, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = address }; // a new client: a new connection
        try
        {
            using var response = await client.GetAsync("/healthz", cancellationToken);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
