using System.Diagnostics;
using System.Net;
using System.Text.Json;
using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.Resilience;

/// <summary>Transient upstream failures are retried before the answer starts, always with the same sanitized body.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    private FaultyProvider _provider = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _provider = await FaultyProvider.StartAsync();
        _gateway = await ResilienceFixture.StartGatewayAsync(_provider);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Theory]
    [InlineData("/v1/chat/completions", false)]
    [InlineData("/v1/chat/completions", true)]
    [InlineData("/v1/messages", false)]
    public async Task Send_ServerErrorsThenSuccess_ClientGetsRestoredAnswerAndEveryAttemptSanitized(string path, bool stream)
    {
        _provider.Script.Enqueue(FaultyProvider.Status(500));
        _provider.Script.Enqueue(FaultyProvider.Status(503));
        using var request = ResilienceFixture.Chat(path, stream);

        using var response = await _gateway.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(EchoProtocol.Prefix + Pii.Prompt, stream ? Sse.ConcatenateText(text) : JsonUnescaped(text), StringComparison.Ordinal);
        ResilienceFixture.AssertAllSanitizedAndIdentical(_provider, expectedAttempts: 3);
    }

    [Fact]
    public async Task Send_ConnectionResetBeforeHeaders_Retried()
    {
        _provider.Script.Enqueue((context, _) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ResilienceFixture.AssertAllSanitizedAndIdentical(_provider, expectedAttempts: 2);
    }

    [Fact]
    public async Task Send_TooManyRequestsWithRetryAfter_WaitsThatLongBeforeRetrying()
    {
        _provider.Script.Enqueue(FaultyProvider.Status(429, retryAfter: "1"));
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = _provider.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        // The configured back-off is 10-50 ms: only Retry-After explains a gap of about a second.
        Assert.True(Stopwatch.GetElapsedTime(calls[0].Timestamp, calls[1].Timestamp) >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Send_RetryAfterLongerThanCap_ProviderAnswerPassedOnWithoutRetry()
    {
        _provider.Script.Enqueue(FaultyProvider.Status(429, retryAfter: "120"));
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(_provider.Calls);
    }

    [Fact]
    public async Task Send_ServerErrorsOnEveryAttempt_LastProviderAnswerPassedOn()
    {
        _provider.Default = FaultyProvider.Status(503);
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, _provider.Calls.Count);
    }

    [Fact]
    public async Task Send_ClientBadRequest_NotRetried()
    {
        _provider.Script.Enqueue(FaultyProvider.Status(400));
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(_provider.Calls);
    }

    internal static string JsonUnescaped(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ToString() + Collect(document.RootElement);

        static string Collect(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => string.Concat(element.EnumerateObject().Select(p => Collect(p.Value))),
            JsonValueKind.Array => string.Concat(element.EnumerateArray().Select(Collect)),
            JsonValueKind.String => element.GetString() + "\n",
            _ => "",
        };
    }
}
