using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Models.Messages;
using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>The official Anthropic C# SDK against the gateway, which forwards to a recording fake provider.</summary>
public sealed class AnthropicEndpointsTests : IAsyncLifetime
{
    private const string Model = "claude-sonnet-4-5";
    private FakeProvider _provider = null!;
    private GatewayHost _gateway = null!;
    private AnthropicClient _client = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeProvider.StartAsync();
        _gateway = await GatewayHost.StartAsync(_provider);
        _client = new AnthropicClient { ApiKey = "client-anthropic-key", BaseUrl = _gateway.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task MessagesCreate_Plain_NoPiiReachesProviderAndClientGetsOwnText()
    {
        var message = await _client.Messages.Create(new MessageCreateParams
        {
            MaxTokens = 256,
            Model = Model,
            Messages = [new UserMessageParam(Pii.Prompt)],
        });

        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, text!.Text);
        Pii.AssertNoneReached(_provider);
        var received = _provider.Single();
        Assert.Equal("/v1/messages", received.Path);
        // SDK 13.x sends its key as a Bearer token; either way the client's own credential passes through unchanged.
        Assert.True(received.Header("x-api-key") == "client-anthropic-key" || received.Header("Authorization") == "Bearer client-anthropic-key");
    }

    [Fact]
    public async Task MessagesCreateStreaming_TinyChunks_ClientGetsOwnTextByteForByte()
    {
        var text = new StringBuilder();
        await foreach (var streamEvent in _client.Messages.CreateStreaming(new MessageCreateParams
        {
            MaxTokens = 256,
            Model = Model,
            Messages = [new UserMessageParam(Pii.Prompt)],
        }))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta!.Delta.TryPickText(out var textDelta))
            {
                text.Append(textDelta!.Text);
            }
        }

        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, text.ToString());
        Pii.AssertNoneReached(_provider);
    }

    [Fact]
    public async Task MessagesCreate_ToolUse_InputRoundTrips()
    {
        var message = await _client.Messages.Create(new MessageCreateParams
        {
            MaxTokens = 256,
            Model = Model,
            Messages = [new UserMessageParam(Pii.Prompt)],
            Tools = [new Tool { Name = "lookup_customer", InputSchema = new InputSchema { Properties = new Dictionary<string, JsonElement> { ["text"] = JsonDocument.Parse("""{"type":"string"}""").RootElement } } }],
        });

        var block = Assert.Single(message.Content);
        Assert.True(block.TryPickToolUse(out var toolUse));
        Assert.Equal("lookup_customer", toolUse!.Name);
        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, toolUse.Input["text"].GetString());
        Pii.AssertNoneReached(_provider);
    }

    [Fact]
    public async Task MessagesCreateStreaming_ToolUse_PartialJsonRoundTrips()
    {
        var json = new StringBuilder();
        await foreach (var streamEvent in _client.Messages.CreateStreaming(new MessageCreateParams
        {
            MaxTokens = 256,
            Model = Model,
            Messages = [new UserMessageParam(Pii.Prompt)],
            Tools = [new Tool { Name = "lookup_customer", InputSchema = new InputSchema { Properties = new Dictionary<string, JsonElement> { ["text"] = JsonDocument.Parse("""{"type":"string"}""").RootElement } } }],
        }))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta!.Delta.TryPickInputJson(out var partial))
            {
                json.Append(partial!.PartialJson);
            }
        }

        using var input = JsonDocument.Parse(json.ToString());
        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, input.RootElement.GetProperty("text").GetString());
        Pii.AssertNoneReached(_provider);
    }

    [Fact]
    public async Task CountTokens_RedactedBeforeForwarding()
    {
        var count = await _client.Messages.CountTokens(new MessageCountTokensParams
        {
            Model = Model,
            Messages = [new UserMessageParam(Pii.Prompt)],
        });

        Assert.True(count.InputTokens > 0);
        Pii.AssertNoneReached(_provider);
        Assert.Equal("/v1/messages/count_tokens", _provider.Single().Path);
    }

    [Fact]
    public async Task MessagesCreate_MetadataUserId_PseudonymizedAtProvider()
    {
        await _client.Messages.Create(new MessageCreateParams
        {
            MaxTokens = 16,
            Model = Model,
            Messages = [new UserMessageParam("hello")],
            Metadata = new Metadata { UserID = "customer-4711" },
        });

        var userId = _provider.Single().Json().GetProperty("metadata").GetProperty("user_id").GetString();
        Assert.Equal(Pseudonyms.Expected("customer-4711"), userId);
    }
}
