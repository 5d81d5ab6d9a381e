using System.Net;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Models.Messages;
using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>
/// <c>Relay:Local:Endpoint</c>: local traffic goes to an OpenAI-compatible server in the building (here a second
/// fake provider, or <see cref="FakeOpenAIEndpoint"/>) with the original, unredacted body; the provider receives
/// nothing. Anthropic messages are translated to OpenAI chat completions and back unless the server serves them.
/// </summary>
public sealed class LocalEndpointTests : IAsyncLifetime
{
    private FakeProvider _provider = null!;
    private FakeProvider _localServer = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeProvider.StartAsync();
        _localServer = await FakeProvider.StartAsync();
        _gateway = await LocalGateway.StartAsync(_provider, model: null, new Dictionary<string, string?>
        {
            ["Relay:Local:Endpoint"] = _localServer.BaseAddress.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _localServer.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task ChatCompletions_Marking_ForwardedUnredactedToLocalEndpointOnly()
    {
        var text = "SECRET//NOFORN Mail " + Pii.Email + " the plan.";
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/chat/completions", Bodies.Chat(text));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("local", Bodies.Route(response));
        var received = _localServer.Single();
        Assert.Equal("/v1/chat/completions", received.Path);
        Assert.True(received.Contains(Pii.Email));
        Assert.Null(received.Header("Authorization"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(Pii.Email, json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task ChatCompletionsStreamed_HeaderLocal_StreamedFromLocalEndpoint()
    {
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/chat/completions", Bodies.Chat("Tell me a story.", stream: true), routeHeader: "local");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        Assert.Contains("data: [DONE]", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(_localServer.Requests);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task Messages_MarkingOpenAIOnlyEndpoint_TranslatedUnredactedToChatCompletions()
    {
        var text = "TOP SECRET Mail " + Pii.Email + " the plan.";
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/messages", Bodies.Messages(text, system: "Be brief."));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("local", Bodies.Route(response));
        var received = _localServer.Single();
        Assert.Equal("/v1/chat/completions", received.Path);
        var messages = received.Json().GetProperty("messages");
        Assert.Equal(("system", "Be brief."), (messages[0].GetProperty("role").GetString(), messages[0].GetProperty("content").GetString()));
        Assert.Equal(("user", text), (messages[1].GetProperty("role").GetString(), messages[1].GetProperty("content").GetString()));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("message", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(EchoProtocol.Prefix + text, json.RootElement.GetProperty("content")[0].GetProperty("text").GetString()); // what the endpoint said
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task AnthropicSdk_OpenAIOnlyEndpoint_AnswerStopSequenceAndUsageTranslated()
    {
        await using var endpoint = await FakeOpenAIEndpoint.StartAsync();
        endpoint.StopReason = "END";
        await using var gateway = await StartAsync(_provider, endpoint.BaseAddress);
        using var client = Sdk(gateway);
        var user = "CONFIDENTIAL Mail " + Pii.Email + " and call " + Pii.Phone + ".";

        var message = await client.Messages.Create(new MessageCreateParams
        {
            MaxTokens = 64,
            Model = "llama-3.1-8b-instruct",
            System = "Answer in German.",
            StopSequences = ["END"],
            Messages = [new UserMessageParam(user), new AssistantMessageParam("Gern."), new UserMessageParam("Go on.")],
        });

        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal(FakeOpenAIEndpoint.DefaultText, text.Text);
        Assert.Equal("stop_sequence", message.StopReason?.Raw());
        Assert.Equal("END", message.StopSequence);
        Assert.Equal(FakeOpenAIEndpoint.PromptTokens, message.Usage.InputTokens);
        Assert.Equal(FakeOpenAIEndpoint.CompletionTokens, message.Usage.OutputTokens);
        Assert.Equal("llama-3.1-8b-instruct", message.Model.Raw());
        Assert.StartsWith("msg_", message.ID, StringComparison.Ordinal);

        var received = endpoint.Single();
        Assert.Equal(("POST", "/v1/chat/completions"), (received.Method, received.Path));
        var json = received.Json();
        Assert.Equal("llama-3.1-8b-instruct", json.GetProperty("model").GetString());
        Assert.Equal(
            new[] { ("system", "Answer in German."), ("user", user), ("assistant", "Gern."), ("user", "Go on.") },
            json.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!)).ToArray());
        Assert.Equal(64, json.GetProperty("max_tokens").GetInt32());
        Assert.Equal(1.0, json.GetProperty("temperature").GetDouble()); // Anthropic's default, sent explicitly
        Assert.Equal("END", Assert.Single(json.GetProperty("stop").EnumerateArray().ToArray()).GetString());
        Assert.False(json.GetProperty("stream").GetBoolean());
        Assert.Null(received.Header("x-api-key"));
        Assert.Null(received.Header("Authorization"));
        Assert.Null(received.Header("anthropic-version"));
        Assert.Empty(_provider.Requests);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(4096)]
    public async Task AnthropicSdkStreamed_OpenAIOnlyEndpointInPieces_ExactTextStopReasonAndUsage(int chunkSize)
    {
        await using var endpoint = await FakeOpenAIEndpoint.StartAsync();
        endpoint.ChunkSize = chunkSize; // events and UTF-8 characters split across HTTP chunks
        endpoint.FinishReason = "length";
        await using var gateway = await StartAsync(_provider, endpoint.BaseAddress);
        using var client = Sdk(gateway);
        var text = new StringBuilder();
        RawMessageStartEvent? start = null;
        RawMessageDeltaEvent? end = null;

        await foreach (var streamEvent in client.Messages.CreateStreaming(new MessageCreateParams
        {
            MaxTokens = 7,
            Model = "llama-local",
            System = "Be brief.",
            Messages = [new UserMessageParam("CONFIDENTIAL Call " + Pii.Phone + " today.")],
        }))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var textDelta))
            {
                text.Append(textDelta.Text);
            }

            start = streamEvent.TryPickStart(out var started) ? started : start;
            end = streamEvent.TryPickDelta(out var messageDelta) ? messageDelta : end;
        }

        Assert.Equal(FakeOpenAIEndpoint.DefaultText, text.ToString());
        Assert.Equal("llama-local", start!.Message.Model.Raw());
        Assert.Equal("max_tokens", end!.Delta.StopReason?.Raw());
        Assert.Equal(FakeOpenAIEndpoint.PromptTokens, end.Usage.InputTokens);
        Assert.Equal(FakeOpenAIEndpoint.CompletionTokens, end.Usage.OutputTokens);
        var json = endpoint.Single().Json();
        Assert.True(json.GetProperty("stream").GetBoolean());
        Assert.True(json.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        Assert.Equal("system", json.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Contains(Pii.Phone, json.GetProperty("messages")[1].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task AnthropicSdkStreamed_EchoEndpointOneByteAtATime_ExactText()
    {
        _localServer.ChunkSize = 1;
        using var client = Sdk(_gateway);
        var user = "SECRET//NOFORN Grüße an " + Pii.Email + " 🎉";
        var text = new StringBuilder();

        await foreach (var streamEvent in client.Messages.CreateStreaming(new MessageCreateParams
        {
            MaxTokens = 64,
            Model = "m",
            Messages = [new UserMessageParam(user)],
        }))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var textDelta))
            {
                text.Append(textDelta.Text);
            }
        }

        Assert.Equal(EchoProtocol.Prefix + user, text.ToString());
        Assert.Equal("/v1/chat/completions", _localServer.Single().Path);
        Assert.Empty(_provider.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Messages_OpenAIOnlyEndpointDown_Anthropic502AndNothingElsewhere(bool stream)
    {
        var stopped = await FakeOpenAIEndpoint.StartAsync();
        var address = stopped.BaseAddress;
        await stopped.DisposeAsync(); // connections to its port are now refused
        await using var gateway = await StartAsync(_provider, address);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/messages", MessagesBody("TOP SECRET " + Pii.Email, stream));

        await AssertAnthropicErrorAsync(response, HttpStatusCode.BadGateway, "api_error", "could not be reached or failed");
        Assert.Empty(_provider.Requests);
        Assert.Empty(_localServer.Requests);
    }

    [Theory]
    [InlineData(500, false, HttpStatusCode.BadGateway, "api_error", "could not be reached or failed")]
    [InlineData(503, true, HttpStatusCode.BadGateway, "api_error", "could not be reached or failed")]
    [InlineData(400, false, HttpStatusCode.BadRequest, "invalid_request_error", "with status 400")]
    [InlineData(404, true, HttpStatusCode.BadRequest, "invalid_request_error", "with status 404")]
    [InlineData(429, false, HttpStatusCode.TooManyRequests, "rate_limit_error", "busy")]
    public async Task Messages_OpenAIOnlyEndpointAnswersError_AnthropicErrorWithoutItsText(
        int endpointStatus, bool stream, HttpStatusCode status, string type, string message)
    {
        await using var endpoint = await FakeOpenAIEndpoint.StartAsync();
        endpoint.Status = endpointStatus; // its error quotes the prompt
        await using var gateway = await StartAsync(_provider, endpoint.BaseAddress);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/messages", MessagesBody("TOP SECRET Mail " + Pii.Email, stream));

        var body = await AssertAnthropicErrorAsync(response, status, type, message);
        Assert.DoesNotContain(Pii.Email, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Rejected", body, StringComparison.Ordinal);
        Assert.Single(endpoint.Requests);
        Assert.Empty(_provider.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Messages_OpenAIOnlyEndpointAnswersNotAChatCompletion_Anthropic502(bool stream)
    {
        await using var endpoint = await FakeOpenAIEndpoint.StartAsync();
        endpoint.RawAnswer = "<html>TOP SECRET " + Pii.Email + "</html>";
        await using var gateway = await StartAsync(_provider, endpoint.BaseAddress);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/messages", MessagesBody("TOP SECRET Mail " + Pii.Email, stream));

        var body = await AssertAnthropicErrorAsync(response, HttpStatusCode.BadGateway, "api_error", "could not be reached or failed");
        Assert.DoesNotContain(Pii.Email, body, StringComparison.Ordinal);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task MessagesStreamed_OpenAIOnlyEndpointBreaksOff_AnthropicErrorEventAfterTheText()
    {
        await using var endpoint = await FakeOpenAIEndpoint.StartAsync();
        endpoint.BreakOffAfterFirstChunk = true;
        await using var gateway = await StartAsync(_provider, endpoint.BaseAddress);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/messages", MessagesBody("TOP SECRET Tell me a story.", stream: true));
        var events = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        Assert.Contains("event: message_start", events, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"" + FakeOpenAIEndpoint.DefaultText[..2] + "\"", events, StringComparison.Ordinal);
        Assert.Contains("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\"", events, StringComparison.Ordinal);
        Assert.DoesNotContain("message_stop", events, StringComparison.Ordinal);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task MessagesStreamed_ClientGoesAwayMidStream_TextArrivedFirstThenEndpointCallCancelled()
    {
        await using var endpoint = await FakeOpenAIEndpoint.StartAsync();
        endpoint.StreamGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var gateway = await StartAsync(_provider, endpoint.BaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
        {
            Content = new StringContent(MessagesBody("TOP SECRET Tell me a story.", stream: true), Encoding.UTF8, "application/json"),
        };

        var response = await gateway.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        var seen = new StringBuilder();
        var buffer = new byte[256];
        while (!seen.ToString().Contains("text_delta", StringComparison.Ordinal))
        {
            var read = await body.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10)); // the endpoint holds the rest back
            Assert.NotEqual(0, read);
            seen.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        await body.DisposeAsync();
        response.Dispose(); // the client goes away while the endpoint is still answering

        await endpoint.HungUp.Task.WaitAsync(TimeSpan.FromSeconds(10));
        endpoint.StreamGate.TrySetResult();
        Assert.Empty(_provider.Requests);
    }

    [Theory]
    [InlineData("""{"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}""")]
    [InlineData("""{"type":"tool_result","tool_use_id":"toolu_1","content":"42"}""")]
    public async Task Messages_NonTextContentOpenAIOnlyEndpoint_Refused400LikeTheInProcessModel(string block)
    {
        var body = """{"model":"m","max_tokens":8,"messages":[{"role":"user","content":[{"type":"text","text":"TOP SECRET look"},""" + block + "]}]}";

        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/messages", body);

        await AssertAnthropicErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request_error", "may only hold text parts");
        Assert.Empty(_localServer.Requests);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task Messages_EndpointServesAnthropic_ForwardedUnredactedToLocalEndpointOnly()
    {
        await using var gateway = await StartServingAnthropicAsync(_provider, _localServer);
        var text = "TOP SECRET Mail " + Pii.Email + " the plan.";
        using var response = await Bodies.PostAsync(gateway.Client, "/v1/messages", Bodies.Messages(text));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("local", Bodies.Route(response));
        var received = _localServer.Single();
        Assert.Equal("/v1/messages", received.Path);
        Assert.True(received.Contains(Pii.Email)); // the original body: the endpoint is inside the building
        Assert.Null(received.Header("x-api-key"));
        Assert.Equal("2023-06-01", received.Header("anthropic-version"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("message", json.RootElement.GetProperty("type").GetString());
        Assert.Contains(Pii.Email, json.RootElement.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task AnthropicSdkStreamed_EndpointServesAnthropic_StreamedFromLocalEndpointOnly()
    {
        await using var gateway = await StartServingAnthropicAsync(_provider, _localServer);
        using var client = new AnthropicClient { ApiKey = "client-key", BaseUrl = gateway.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };
        var text = new StringBuilder();

        await foreach (var streamEvent in client.Messages.CreateStreaming(new MessageCreateParams
        {
            MaxTokens = 64,
            Model = "m",
            Messages = [new UserMessageParam("CONFIDENTIAL Call " + Pii.Phone + " today.")],
        }))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var textDelta))
            {
                text.Append(textDelta.Text);
            }
        }

        Assert.Contains(Pii.Phone, text.ToString(), StringComparison.Ordinal);
        var received = _localServer.Single();
        Assert.Equal("/v1/messages", received.Path);
        Assert.Null(received.Header("x-api-key"));
        Assert.Empty(_provider.Requests);
    }

    [Theory]
    [InlineData(true, "/v1/messages")]
    [InlineData(false, "/v1/chat/completions")]
    public async Task Messages_ProviderStoppedWithFallback_ServedByEndpointInTheProtocolItSpeaks(bool servesAnthropic, string path)
    {
        var stopped = await FakeProvider.StartAsync();
        var address = stopped.BaseAddress;
        await stopped.DisposeAsync(); // connections to its port are now refused
        await using var gateway = await LocalGateway.StartAsync(null, model: null, new Dictionary<string, string?>
        {
            ["Relay:Local:Endpoint"] = _localServer.BaseAddress.ToString(),
            ["Relay:Local:EndpointServesAnthropic"] = servesAnthropic ? "true" : "false",
            ["Relay:Routing:FallbackToLocal"] = "true",
            ["Relay:Resilience:MaxRetries"] = "0",
        }, upstreamBase: address);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/messages", Bodies.Messages("Tell me a story."));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("local", Bodies.Route(response));
        Assert.Equal(path, _localServer.Single().Path);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(EchoProtocol.Prefix + "Tell me a story.", json.RootElement.GetProperty("content")[0].GetProperty("text").GetString());
    }

    private static Task<GatewayHost> StartAsync(FakeProvider provider, Uri endpoint) =>
        LocalGateway.StartAsync(provider, model: null, new Dictionary<string, string?> { ["Relay:Local:Endpoint"] = endpoint.ToString() });

    private static AnthropicClient Sdk(GatewayHost gateway) =>
        new() { ApiKey = "client-key", BaseUrl = gateway.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };

    private static string MessagesBody(string userText, bool stream) => JsonSerializer.Serialize(new
    {
        model = "claude-local",
        max_tokens = Bodies.MaxTokens,
        stream,
        messages = new[] { new { role = "user", content = userText } },
    });

    /// <summary>Asserts the Anthropic error shape with this status, error type and message part; returns the body.</summary>
    private static async Task<string> AssertAnthropicErrorAsync(HttpResponseMessage response, HttpStatusCode status, string type, string messagePart)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("local", Bodies.Route(response));
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("error", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(type, json.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Contains(messagePart, json.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        return body;
    }

    private static Task<GatewayHost> StartServingAnthropicAsync(FakeProvider provider, FakeProvider localServer) =>
        LocalGateway.StartAsync(provider, model: null, new Dictionary<string, string?>
        {
            ["Relay:Local:Endpoint"] = localServer.BaseAddress.ToString(),
            ["Relay:Local:EndpointServesAnthropic"] = "true",
        });
}
