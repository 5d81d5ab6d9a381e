using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Models.Messages;
using OpenAI;
using OpenAI.Chat;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>
/// <c>Relay:Routing:DefaultRoute = Local</c>: chat and messages are answered by the real local model through the
/// official SDKs, every other endpoint is refused in the SDK's shape, and the provider receives nothing at all.
/// </summary>
[Collection(LocalModelGroup.Name)]
public sealed class LocalModeTests(LocalModelFixture model) : IAsyncLifetime
{
    private readonly RouteCapture _capture = new();
    private FakeProvider _provider = null!;
    private GatewayHost _gateway = null!;
    private HttpClient _sdkHttp = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeProvider.StartAsync();
        _gateway = await LocalGateway.StartAsync(_provider, model, new Dictionary<string, string?> { ["Relay:Routing:DefaultRoute"] = "Local" });
        _sdkHttp = new HttpClient(_capture);
    }

    public async Task DisposeAsync()
    {
        _sdkHttp.Dispose();
        await _gateway.DisposeAsync();
        await _provider.DisposeAsync();
        Assert.Empty(_provider.Requests); // local-only mode: nothing, ever
    }

    private ChatClient OpenAIChat => new("local-test", new ApiKeyCredential("client-key"), new OpenAIClientOptions
    {
        Endpoint = new Uri(_gateway.BaseAddress, "/v1"),
        RetryPolicy = new ClientRetryPolicy(0),
        Transport = new HttpClientPipelineTransport(_sdkHttp),
    });

    private AnthropicClient AnthropicSdk => new()
    {
        ApiKey = "client-anthropic-key",
        BaseUrl = _gateway.BaseAddress.ToString().TrimEnd('/'),
        MaxRetries = 0,
        HttpClient = _sdkHttp,
    };

    [Fact]
    public async Task OpenAISdk_CompleteChat_AnsweredLocally()
    {
        ChatCompletion completion = await OpenAIChat.CompleteChatAsync([new UserChatMessage("Mail " + Pii.Email + " a story.")], new ChatCompletionOptions { MaxOutputTokenCount = Bodies.MaxTokens });

        Assert.False(string.IsNullOrEmpty(completion.Content[0].Text));
        Assert.Equal(ChatFinishReason.Length, completion.FinishReason);
        Assert.Equal(Bodies.MaxTokens, completion.Usage.OutputTokenCount);
        Assert.Equal(["local"], _capture.Routes);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task OpenAISdk_CompleteChatStreaming_AnsweredLocally()
    {
        var text = new StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in OpenAIChat.CompleteChatStreamingAsync([new UserChatMessage("Tell me a story.")], new ChatCompletionOptions { MaxOutputTokenCount = Bodies.MaxTokens }))
        {
            finish ??= update.FinishReason;
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        Assert.NotEqual(0, text.Length);
        Assert.Equal(ChatFinishReason.Length, finish);
        Assert.Equal(["local"], _capture.Routes);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task AnthropicSdk_MessagesCreate_AnsweredLocally()
    {
        using var client = AnthropicSdk;
        var message = await client.Messages.Create(new MessageCreateParams
        {
            MaxTokens = Bodies.MaxTokens,
            Model = "claude-local",
            Messages = [new UserMessageParam("Tell me a story.")],
        });

        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.False(string.IsNullOrEmpty(text!.Text));
        Assert.Equal(Bodies.MaxTokens, message.Usage.OutputTokens);
        Assert.Equal(["local"], _capture.Routes);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task AnthropicSdk_MessagesCreateStreaming_AnsweredLocally()
    {
        using var client = AnthropicSdk;
        var text = new StringBuilder();
        var stopped = false;
        await foreach (var streamEvent in client.Messages.CreateStreaming(new MessageCreateParams
        {
            MaxTokens = Bodies.MaxTokens,
            Model = "claude-local",
            Messages = [new UserMessageParam("Tell me a story.")],
        }))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta!.Delta.TryPickText(out var textDelta))
            {
                text.Append(textDelta!.Text);
            }

            stopped |= streamEvent.TryPickStop(out _);
        }

        Assert.NotEqual(0, text.Length);
        Assert.True(stopped);
        Assert.Equal(["local"], _capture.Routes);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task ChatCompletions_HeaderUpstream_IgnoredAndServedLocally()
    {
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/chat/completions", Bodies.Chat("Tell me a story."), routeHeader: "upstream");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        Assert.Empty(_provider.Requests);
    }

    [Theory]
    [InlineData("POST", "/v1/responses", """{"model":"gpt-4o-mini","input":"hello"}""", "OpenAI")]
    [InlineData("POST", "/v1/embeddings", """{"model":"text-embedding-3-small","input":"hello"}""", "OpenAI")]
    [InlineData("GET", "/v1/models", null, "OpenAI")]
    [InlineData("POST", "/v1/messages/count_tokens", """{"model":"claude-local","messages":[{"role":"user","content":"hello"}]}""", "Anthropic")]
    public async Task OtherEndpoints_LocalMode_RefusedInSdkShapeAndNothingForwarded(string method, string path, string? body, string family)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (family == "Anthropic")
        {
            request.Headers.Add("anthropic-version", "2023-06-01");
        }

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = json.RootElement.GetProperty("error");
        Assert.Contains("not available on the local route", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        if (family == "Anthropic")
        {
            Assert.Equal("error", json.RootElement.GetProperty("type").GetString());
        }
        else
        {
            Assert.Equal("not_available_on_local_route", error.GetProperty("code").GetString());
        }

        Assert.Empty(_provider.Requests);
    }
}
