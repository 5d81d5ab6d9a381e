using System.Net;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Models.Messages;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>
/// <c>Relay:Local:Endpoint</c>: local traffic goes to an OpenAI-compatible server in the building (here a second
/// fake provider) with the original, unredacted body; the provider receives nothing.
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
    public async Task Messages_Marking_Refused400BecauseEndpointSpeaksOnlyOpenAI()
    {
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/messages", Bodies.Messages("TOP SECRET Tell me a story."));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("error", json.RootElement.GetProperty("type").GetString());
        Assert.Contains("speaks only the OpenAI API", json.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
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
    [InlineData(true)]
    [InlineData(false)]
    public async Task Messages_ProviderStoppedWithFallback_ServedByEndpointOnlyIfItServesAnthropic(bool servesAnthropic)
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

        if (servesAnthropic)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            Assert.Equal("local", Bodies.Route(response));
            Assert.Equal("/v1/messages", _localServer.Single().Path);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode); // the provider's failure, not a local answer
            Assert.Empty(_localServer.Requests);
        }
    }

    private static Task<GatewayHost> StartServingAnthropicAsync(FakeProvider provider, FakeProvider localServer) =>
        LocalGateway.StartAsync(provider, model: null, new Dictionary<string, string?>
        {
            ["Relay:Local:Endpoint"] = localServer.BaseAddress.ToString(),
            ["Relay:Local:EndpointServesAnthropic"] = "true",
        });
}
