using System.ClientModel;
using System.Text;
using Anthropic;
using Anthropic.Models.Messages;
using OpenAI;
using OpenAI.Chat;
using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// Identity documents, bank details, VAT numbers and credentials through the gateway with the official SDKs: none of the values
/// reaches the fake provider, each under the placeholder of its own type, and the client gets its text back byte for
/// byte, streamed included. All values are synthetic with valid check digits.
/// </summary>
public sealed class IdentifiersRoundTripTests : IAsyncLifetime
{
    private static readonly (string Value, string Placeholder)[] Values =
    [
        ("C01X00T47", "[PASSPORT_1]"),
        ("1HGCM82633A004352", "[VIN_1]"),
        ("912-70-1234", "[US_ITIN_1]"),
        ("55779911", "[BANK_ACCOUNT_1]"),
        ("20-00-00", "[UK_SORT_CODE_1]"),
        ("021000021", "[ABA_ROUTING_NUMBER_1]"),
        ("2100 0418 45 0200051332", "[BANK_ACCOUNT_2]"),
        ("Geheim123!", "[SECRET_1]"),
        ("postgres://admin:S3cr3tP4ss@db.internal:5432/prod", "[URL_1]"),
        ("DE136695976", "[VAT_ID_1]"),
    ];

    private static readonly string Prompt =
        "Für das Visum: Reisepass C01X00T47, Wagen VIN 1HGCM82633A004352, ITIN 912-70-1234. Überweisung: sort code 20-00-00, "
        + "account number 55779911; US routing number 021000021; número de cuenta 2100 0418 45 0200051332. "
        + "Mein Passwort: Geheim123! und die Datenbank postgres://admin:S3cr3tP4ss@db.internal:5432/prod 🙂 USt-IdNr. DE136695976.";

    private FakeProvider _provider = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeProvider.StartAsync();
        _gateway = await GatewayHost.StartAsync(_provider);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task OpenAIChatStreaming_IdentifiersAndCredentials_NoneReachesProviderAndClientGetsOwnText()
    {
        var options = new OpenAIClientOptions { Endpoint = new Uri(_gateway.BaseAddress, "/v1"), RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0) };
        var client = new ChatClient("gpt-4o-mini", new ApiKeyCredential("client-key"), options);
        var text = new StringBuilder();

        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(Prompt)]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        Assert.Equal(EchoProtocol.Prefix + Prompt, text.ToString());
        AssertRedactedByType();
    }

    [Fact]
    public async Task AnthropicMessages_IdentifiersAndCredentials_NoneReachesProviderAndClientGetsOwnText()
    {
        using var client = new AnthropicClient { ApiKey = "client-anthropic-key", BaseUrl = _gateway.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };

        var message = await client.Messages.Create(new MessageCreateParams
        {
            MaxTokens = 256,
            Model = "claude-sonnet-4-5",
            Messages = [new UserMessageParam(Prompt)],
        });

        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal(EchoProtocol.Prefix + Prompt, text!.Text);
        AssertRedactedByType();
    }

    private void AssertRedactedByType()
    {
        var received = _provider.Single();
        foreach (var (value, placeholder) in Values)
        {
            Assert.False(received.Contains(value), $"The value behind {placeholder} reached the provider.");
            Assert.Contains(placeholder, received.DecodedStrings, StringComparison.Ordinal);
        }

        // Parts of the Spanish account number, the URL's user name and host must not be left in clear either.
        foreach (var part in new[] { "0200051332", "admin:", "db.internal" })
        {
            Assert.False(received.Contains(part), "A part of a redacted value reached the provider.");
        }
    }
}
