using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// Wallet addresses in a support ticket, through the gateway with the official SDKs: none reaches the fake provider
/// (each is a CRYPTO placeholder), and the client gets its text back byte for byte, streamed included. Before session
/// 18 no recognizer knew them, and all four went out in clear.
/// </summary>
public sealed class CryptoAddressRoundTripTests : SdkRoundTripTests
{
    private static readonly string[] Addresses =
    [
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        "0x52908400098527886e0f7030069857d2e4169ee7",
    ];

    private static readonly string Prompt =
        "Ticket 4471: the customer sent 0.05 BTC from " + Addresses[0] + " to our deposit address " + Addresses[1]
        + " but the exchange credited nothing.\nThey also asked whether USDT can go to " + Addresses[2]
        + " (Tron) or must go to " + Addresses[3] + " on Ethereum. Draft a polite reply.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sdk_WalletAddresses_NoneReachesProviderAndClientGetsOwnText(bool anthropic)
    {
        var received = await AssertValuesRedactedAndRestoredAsync(Prompt, anthropic, [.. Addresses, .. Addresses.Select(a => a[^12..])]);

        Assert.Contains("[CRYPTO_4]", received.DecodedStrings, StringComparison.Ordinal);
    }
}
