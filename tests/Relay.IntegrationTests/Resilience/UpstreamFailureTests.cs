using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Responses;
using StealthRelay.IntegrationTests.Infrastructure;
using StealthRelay.IntegrationTests.Observability;

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
            // Generous enough that a slow first answer on a loaded machine is not retried (the stream tests count calls).
            ["Relay:Resilience:FirstByteTimeout"] = "00:00:01",
            ["Relay:Resilience:TotalTimeout"] = "00:00:03",
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
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10)); // bounded by TotalTimeout (3 s): never a hang
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

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/responses")]
    [InlineData("/v1/messages")]
    public async Task Stream_ConnectionResetMidStream_ClientStreamEndsWithErrorEvent(string path)
    {
        var headersSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Default = FaultyProvider.ResetAfter(0.5, headersSeen.Task);
        using var request = ResilienceFixture.Chat(path, stream: true);

        using var response = await _gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        headersSeen.SetResult();
        var (text, cut) = await ReadStreamAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertBrokenStreamEnding(path, text, cut);
        Assert.Single(_provider.Calls); // the answer had started: never retried
    }

    [Theory]
    [InlineData("/v1/chat/completions", "Http1")]
    [InlineData("/v1/responses", "Http1")]
    [InlineData("/v1/messages", "Http1")]
    [InlineData("/v1/chat/completions", "Http2")]
    [InlineData("/v1/responses", "Http2")]
    [InlineData("/v1/messages", "Http2")]
    public async Task Stream_ConnectionResetMidStream_EveryRoundEndsWithErrorEventAndNothingLogsAnError(string path, string protocol)
    {
        // The same break several times, over HTTP/1.1 and HTTP/2 (cleartext, prior knowledge). The OpenAI stream is cut
        // after its error event, and the cut must not overtake the event (Kestrel drops stream data not yet handed to the
        // connection when an HTTP/2 stream is reset). The cut is deliberate, so it is no application error: the
        // gateway logs its own warning, and nothing (Kestrel included) logs an unhandled exception.
        var logs = new CapturingLoggerProvider();
        await using var gateway = await ResilienceFixture.StartGatewayAsync(_provider, new Dictionary<string, string?>
        {
            ["Kestrel:EndpointDefaults:Protocols"] = protocol,
            ["Relay:Resilience:FirstByteTimeout"] = "00:00:01",
            ["Relay:Resilience:StreamIdleTimeout"] = "00:00:00.500",
        }, services => services.AddSingleton<ILoggerProvider>(logs));
        var version = protocol == "Http2" ? HttpVersion.Version20 : HttpVersion.Version11;
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = gateway.Client.BaseAddress };
        for (var round = 0; round < 5; round++)
        {
            var headersSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _provider.Default = FaultyProvider.ResetAfter(0.5, headersSeen.Task);
            using var request = ResilienceFixture.Chat(path, stream: true);
            request.Version = version;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            headersSeen.SetResult();
            var (text, cut) = await ReadStreamAsync(response);

            Assert.Equal(version, response.Version);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertBrokenStreamEnding(path, text, cut);
        }

        Assert.Equal(5, _provider.Calls.Count); // never retried once the answer had started
        Assert.Equal(5, logs.Entries.Count(e => e.Contains("StreamFaulted", StringComparison.Ordinal)));
        Assert.DoesNotContain(logs.Entries, e => e.StartsWith("[Error]", StringComparison.Ordinal) || e.StartsWith("[Critical]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/messages")]
    public async Task Stream_EndsCleanlyBeforeTerminalEvent_ClientStreamEndsWithErrorEvent(string path)
    {
        _provider.Default = FaultyProvider.TruncateCleanly(0.6);
        using var request = ResilienceFixture.Chat(path, stream: true);

        using var response = await _gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var (text, cut) = await ReadStreamAsync(response);

        AssertBrokenStreamEnding(path, text, cut);
    }

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/messages")]
    public async Task Stream_MalformedEvent_ClientStreamEndsWithErrorEvent(string path)
    {
        var headersSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Default = FaultyProvider.MalformedStream(headersSeen.Task);
        using var request = ResilienceFixture.Chat(path, stream: true);

        using var response = await _gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        headersSeen.SetResult(); // the answer has started: the broken event can only end it with an error event
        var (text, cut) = await ReadStreamAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        AssertBrokenStreamEnding(path, text, cut);
    }

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/messages")]
    public async Task Stream_ProviderGoesSilentMidStream_ErrorEventAfterIdleTimeout(string path)
    {
        _provider.Default = async (context, body) =>
        {
            await FaultyProvider.TruncateCleanly(0.5)(context, body);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await FaultyProvider.Hang(context, body);
        };
        using var request = ResilienceFixture.Chat(path, stream: true);

        using var response = await _gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var (text, cut) = await ReadStreamAsync(response);

        AssertBrokenStreamEnding(path, text, cut);
        await _provider.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the silent call was cancelled, not left hanging
    }

    [Fact]
    public async Task OpenAISdk_StreamResetMidway_EnumerationThrows()
    {
        var firstUpdate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Default = FaultyProvider.ResetAfter(0.5, firstUpdate.Task);
        var client = new ChatClient("m", new ApiKeyCredential("client-key"), new OpenAIClientOptions
        {
            Endpoint = new Uri(_gateway.BaseAddress, "/v1"),
            RetryPolicy = new ClientRetryPolicy(0),
        });
        var updates = 0;

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(Pii.Prompt)]))
            {
                updates++;
                firstUpdate.TrySetResult();
            }
        });

        Assert.True(error is IOException or HttpRequestException or ClientResultException, error.GetType().FullName);
        Assert.True(updates > 0); // the answer had started: the error came mid-stream, not as a status
        Assert.Single(_provider.Calls);
    }

#pragma warning disable OPENAI001 // the Responses client is marked experimental
    [Fact]
    public async Task OpenAISdk_ResponsesStreamResetMidway_EnumerationThrows()
    {
        var firstUpdate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Default = FaultyProvider.ResetAfter(0.5, firstUpdate.Task);
        var client = new ResponsesClient(new ApiKeyCredential("client-key"), new ResponsesClientOptions
        {
            Endpoint = new Uri(_gateway.BaseAddress, "/v1"),
            RetryPolicy = new ClientRetryPolicy(0),
        });
        var options = new CreateResponseOptions("m", [ResponseItem.CreateUserMessageItem(Pii.Prompt)]) { StreamingEnabled = true };
        var updates = 0;
        StreamingResponseErrorUpdate? errorUpdate = null;

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var update in await client.CreateResponseStreamingAsync(options))
            {
                updates++;
                errorUpdate ??= update as StreamingResponseErrorUpdate;
                firstUpdate.TrySetResult();
            }
        });

        Assert.True(error is IOException or HttpRequestException or ClientResultException, error.GetType().FullName);
        Assert.True(updates > 1);
        Assert.NotNull(errorUpdate); // the SDK hands the reason over as the Responses stream's own error update
        Assert.Equal("upstream_error", errorUpdate.Code);
        Assert.Contains("'openai'", errorUpdate.Message, StringComparison.Ordinal);
        Assert.Single(_provider.Calls);
    }
#pragma warning restore OPENAI001

    [Fact]
    public async Task AnthropicSdk_StreamResetMidway_EnumerationThrowsSseError()
    {
        var firstEvent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.Default = FaultyProvider.ResetAfter(0.5, firstEvent.Task);
        using var client = new AnthropicClient { ApiKey = "client-key", BaseUrl = _gateway.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };
        var events = 0;

        var error = await Assert.ThrowsAsync<AnthropicSseException>(async () =>
        {
            await foreach (var streamEvent in client.Messages.CreateStreaming(new MessageCreateParams
            {
                MaxTokens = 64,
                Model = "m",
                Messages = [new UserMessageParam(Pii.Prompt)],
            }))
            {
                events++;
                firstEvent.TrySetResult();
            }
        });

        Assert.True(events > 0);
        Assert.Contains("api_error", error.Message, StringComparison.Ordinal);
        foreach (var value in Pii.Values)
        {
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Send_JsonBodyTruncated_502NotHalfJson(bool reset)
    {
        _provider.Default = reset ? FaultyProvider.ResetAfter(0.5) : FaultyProvider.TruncateCleanly(0.5);
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

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/messages")]
    public async Task Stream_ClientDisconnectsMidStream_ProviderSeesItsRequestAborted(string path)
    {
        _provider.Default = FaultyProvider.PauseAfter(0.4, Task.Delay(Timeout.Infinite));
        await using var gateway = await ResilienceFixture.StartGatewayAsync(_provider, new Dictionary<string, string?>
        {
            ["Relay:Resilience:StreamIdleTimeout"] = "00:01:00",
        });
        using (var request = ResilienceFixture.Chat(path, stream: true))
        using (var response = await gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            await using var stream = await response.Content.ReadAsStreamAsync();
            Assert.True(await stream.ReadAsync(new byte[4096]) > 0); // the answer is flowing
        } // disposing the unfinished response closes the client's connection

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

    /// <summary>Reads a streamed body to its end, or to the point where the gateway cut it (true).</summary>
    private static async Task<(string Text, bool Cut)> ReadStreamAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var text = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30))) > 0)
            {
                text.Write(buffer, 0, read);
            }

            return (Encoding.UTF8.GetString(text.ToArray()), false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return (Encoding.UTF8.GetString(text.ToArray()), true);
        }
    }

    /// <summary>
    /// A broken stream ends with the protocol's error event and not like a success: OpenAI without <c>[DONE]</c> and
    /// cut (the SDK would otherwise see a finished stream); Anthropic with <c>event: error</c> (its SDKs raise on it).
    /// </summary>
    private static void AssertBrokenStreamEnding(string path, string stream, bool cut)
    {
        AssertEndsWithErrorEvent(path, stream);
        if (!path.StartsWith("/v1/messages", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("[DONE]", stream, StringComparison.Ordinal);
            Assert.True(cut, "the OpenAI stream ended cleanly after the error event");
        }
        else
        {
            Assert.DoesNotContain("message_stop", stream, StringComparison.Ordinal);
        }

        var errorEvent = stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        foreach (var value in Pii.Values)
        {
            Assert.DoesNotContain(value, errorEvent, StringComparison.Ordinal); // the error carries no content
        }
    }

    private static void AssertEndsWithErrorEvent(string path, string stream)
    {
        var events = stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var last = events[^1];
        var named = path.StartsWith("/v1/messages", StringComparison.Ordinal) || path == "/v1/responses";
        Assert.True(last.StartsWith(named ? "event: error" : "data: {\"error\"", StringComparison.Ordinal),
            "The stream did not end with an error event; it ended with: " + last + "\nWHOLE:\n" + stream);
        if (path == "/v1/responses")
        {
            // the Responses stream's own error event, which also carries the chat-style error member
            Assert.StartsWith("event: error\ndata: ", last, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(last["event: error\ndata: ".Length..]);
            Assert.Equal("error", document.RootElement.GetProperty("type").GetString());
            Assert.StartsWith("upstream_", document.RootElement.GetProperty("code").GetString(), StringComparison.Ordinal);
            Assert.Equal("server_error", document.RootElement.GetProperty("error").GetProperty("type").GetString());
            Assert.DoesNotContain("response.completed", stream, StringComparison.Ordinal);
        }
        else if (path.StartsWith("/v1/messages", StringComparison.Ordinal))
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
