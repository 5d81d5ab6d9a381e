using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// A support ticket with customer numbers in English, German and French, through the gateway with the official SDKs:
/// none reaches the fake provider, the order number (a transaction, not a person) does, and the client gets its text
/// back byte for byte, streamed included. Before session 18 the customer numbers went out in clear.
/// </summary>
public sealed class SupportTicketRoundTripTests : SdkRoundTripTests
{
    private static readonly string[] Numbers = ["4471223", "K-100234", "77881234"];

    private static readonly string Prompt =
        "Summarise this ticket. Customer ID: " + Numbers[0] + " says order 5512 arrived broken.\n"
        + "Weitergeleitet vom Kundendienst, Kundennummer " + Numbers[1] + ".\nCopie au service client, numéro client : " + Numbers[2] + ".";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sdk_CustomerNumbers_NoneReachesProviderAndClientGetsOwnText(bool anthropic)
    {
        var received = await AssertValuesRedactedAndRestoredAsync(Prompt, anthropic, Numbers);

        Assert.Contains("[CUSTOMER_NUMBER_3]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.True(received.Contains("order 5512"), "The order number was redacted.");
    }
}
