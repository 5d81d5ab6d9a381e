using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// E-mail addresses written so harvesters miss them (German imprints, signatures, forum posts) and one with a quoted
/// local part, through the gateway with the official SDKs: no user name or domain reaches the fake provider and the
/// client gets its text back byte for byte, streamed included. Until session 17 each of them went out in clear.
/// </summary>
public sealed class ObfuscatedEmailRoundTripTests : SdkRoundTripTests
{
    private static readonly (string Written, string Secret)[] Values =
    [
        ("info(at)mueller-kanzlei.de", "mueller-kanzlei"),
        ("j.wexford [at] harbourline [dot] co [dot] uk", "wexford"),
        ("p.jansen{at}bedrijfsnaam{punt}nl", "jansen"),
        ("quinlan AT northwind-legal DOT com", "quinlan"),
        ("\"ada lovelace\"@analytical.example.org", "lovelace"),
    ];

    private static readonly string Prompt =
        "Summarise this imprint. Kontakt: " + Values[0].Written + ", Fax siehe oben.\n"
        + "Reply to " + Values[1].Written + " or " + Values[2].Written + ".\n"
        + "Escalations: " + Values[3].Written + "; the odd one: " + Values[4].Written + ".";

    [Fact]
    public async Task OpenAIChatStreaming_ObfuscatedAddresses_NoneReachesProviderAndClientGetsOwnText()
    {
        var text = await OpenAIChatStreamingAsync(Prompt);

        Assert.Equal(EchoProtocol.Prefix + Prompt, text);
        AssertNoValueReachedProvider();
    }

    [Fact]
    public async Task AnthropicMessages_ObfuscatedAddresses_NoneReachesProviderAndClientGetsOwnText()
    {
        var text = await AnthropicMessageAsync(Prompt);

        Assert.Equal(EchoProtocol.Prefix + Prompt, text);
        AssertNoValueReachedProvider();
    }

    private void AssertNoValueReachedProvider()
    {
        var received = Provider.Single();
        var leaked = Values.Where(v => received.Contains(v.Secret)).ToList();
        Assert.True(leaked.Count == 0, $"{leaked.Count} of {Values.Length} addresses reached the provider.");
        Assert.Contains("[EMAIL_ADDRESS_5]", received.DecodedStrings, StringComparison.Ordinal);
    }
}
