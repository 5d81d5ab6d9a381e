using System.Text;
using System.Text.Json;
using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>Streamed answers flow through the gateway as they come: nothing waits for the end of the stream.</summary>
public sealed class StreamingTests : IAsyncLifetime
{
    private FakeProvider _provider = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeProvider.StartAsync();
        _gateway = await GatewayHost.StartAsync(_provider);
    }

    public async Task DisposeAsync()
    {
        _provider.StreamGate?.TrySetResult();
        await _gateway.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/messages")]
    public async Task Stream_ProviderPausesMidStream_ClientAlreadyHasFirstHalf(string path)
    {
        _provider.StreamGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = JsonSerializer.Serialize(new
        {
            model = "m",
            max_tokens = 64,
            stream = true,
            messages = new[] { new { role = "user", content = Pii.Prompt } },
        });
        // Deadlock guard only: a gateway that buffers the whole stream would never deliver the first half.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        using var response = await _gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, guard.Token);
        Assert.Null(response.Content.Headers.ContentLength);
        await using var stream = await response.Content.ReadAsStreamAsync(guard.Token);
        var received = new MemoryStream();
        var buffer = new byte[256];
        while (!Encoding.UTF8.GetString(received.ToArray()).Contains("Echo", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, guard.Token);
            Assert.NotEqual(0, read);
            received.Write(buffer, 0, read);
        }

        Assert.False(_provider.StreamGate.Task.IsCompleted);
        _provider.StreamGate.SetResult();
        await stream.CopyToAsync(received, guard.Token);

        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, Sse.ConcatenateText(Encoding.UTF8.GetString(received.ToArray())));
        Pii.AssertNoneReached(_provider);
    }
}
