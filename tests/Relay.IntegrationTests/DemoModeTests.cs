using System.ClientModel;
using System.Text;
using Anthropic;
using Anthropic.Models.Messages;
using OpenAI;
using OpenAI.Chat;
using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary><c>--demo</c>: both families answered by the built-in echo provider, no key, no network.</summary>
public sealed class DemoModeTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync(provider: null, extraArgs: "--demo");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task CompleteChat_Demo_ClientSeesOwnValuesAndHeaderShowsEntities()
    {
        var client = new ChatClient("demo", new ApiKeyCredential("no-key"), new OpenAIClientOptions { Endpoint = new Uri(_gateway.BaseAddress, "/v1") });

        var result = await client.CompleteChatAsync([new UserChatMessage(Pii.Prompt)]);

        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, result.Value.Content[0].Text);
        var headers = result.GetRawResponse().Headers;
        Assert.True(headers.TryGetValue("X-Relay-Route", out var route));
        Assert.Equal("upstream:openai", route);
        Assert.True(headers.TryGetValue("X-Relay-Entities", out var entities));
        Assert.Matches("(^|,)EMAIL_ADDRESS=[0-9]+(,|$)", entities);
    }

    [Fact]
    public async Task MessagesStreaming_Demo_ClientSeesOwnValues()
    {
        using var client = new AnthropicClient { ApiKey = "no-key", BaseUrl = _gateway.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };
        var text = new StringBuilder();

        await foreach (var streamEvent in client.Messages.CreateStreaming(new MessageCreateParams
        {
            MaxTokens = 64,
            Model = "demo",
            Messages = [new UserMessageParam(Pii.Prompt)],
        }))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta!.Delta.TryPickText(out var textDelta))
            {
                text.Append(textDelta!.Text);
            }
        }

        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, text.ToString());
    }
}
