using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using Anthropic;
using Anthropic.Models.Messages;
using OpenAI;
using OpenAI.Chat;
using StealthRelay.Gateway.Echo;

namespace StealthRelay.IntegrationTests.Infrastructure;

/// <summary>
/// A gateway in front of a fresh fake provider for each test, and the two round trips the prompt-shaped tests send
/// through it: a streamed chat completion with the official OpenAI SDK and a message with the official Anthropic SDK,
/// no retries, each returning the text the client got. The fake provider echoes the prompt it received.
/// </summary>
public abstract class SdkRoundTripTests : IAsyncLifetime
{
    private protected FakeProvider Provider { get; private set; } = null!;

    private protected GatewayHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await FakeProvider.StartAsync();
        Gateway = await GatewayHost.StartAsync(Provider);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Provider.DisposeAsync();
    }

    /// <summary>The prompt as one user message of a streamed chat completion; the deltas' text, joined.</summary>
    protected async Task<string> OpenAIChatStreamingAsync(string prompt)
    {
        var options = new OpenAIClientOptions { Endpoint = new Uri(Gateway.BaseAddress, "/v1"), RetryPolicy = new ClientRetryPolicy(0) };
        var client = new ChatClient("gpt-4o-mini", new ApiKeyCredential("client-key"), options);
        var text = new StringBuilder();
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(prompt)]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        return text.ToString();
    }

    /// <summary>The prompt as one user message to Anthropic's Messages API; the text of the answer's first block.</summary>
    protected async Task<string> AnthropicMessageAsync(string prompt)
    {
        using var client = new AnthropicClient { ApiKey = "client-anthropic-key", BaseUrl = Gateway.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };
        var message = await client.Messages.Create(new MessageCreateParams
        {
            MaxTokens = 1024,
            Model = "claude-sonnet-4-5",
            Messages = [new UserMessageParam(prompt)],
        });

        Assert.True(message.Content[0].TryPickText(out var text));
        return text!.Text;
    }

    /// <summary>
    /// Sends <paramref name="prompt"/> with the official Anthropic SDK (or OpenAI's, streamed), asserts the client got
    /// its own text back byte for byte and none of <paramref name="values"/> reached the provider, and returns the
    /// request the provider received for further checks.
    /// </summary>
    private protected async Task<RecordedRequest> AssertValuesRedactedAndRestoredAsync(string prompt, bool anthropic, IReadOnlyList<string> values)
    {
        var text = anthropic ? await AnthropicMessageAsync(prompt) : await OpenAIChatStreamingAsync(prompt);

        Assert.Equal(EchoProtocol.Prefix + prompt, text);
        var received = Provider.Single();
        var leaked = values.Where(received.Contains).Count();
        Assert.True(leaked == 0, $"{leaked} of {values.Count} values reached the provider.");
        return received;
    }
}
