using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// A Canadian onboarding note with a Social Insurance Number in English and one in French, through the gateway with the
/// official SDKs: neither reaches the fake provider (each found by its Luhn digit and lifted over the threshold by the
/// context word before it), and the client gets its text back byte for byte, streamed included. Before they went out
/// in clear; a Luhn-valid number of the same shape without a context word (an order number) still does.
/// </summary>
public sealed class CanadianIdentifiersRoundTripTests : SdkRoundTripTests
{
    private static readonly string[] Numbers = ["130 256 787", "456-789-122"];

    private const string OrderNumber = "314 159 260";

    private static readonly string Prompt =
        "Check this onboarding note for missing fields.\nSIN: " + Numbers[0] + ", start date next Monday; her laptop is order "
        + OrderNumber + ".\nSon numéro d'assurance sociale : " + Numbers[1] + ".";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sdk_SocialInsuranceNumbers_NeitherReachesProviderAndClientGetsOwnText(bool anthropic)
    {
        var received = await AssertValuesRedactedAndRestoredAsync(Prompt, anthropic, Numbers);

        Assert.Contains("[CA_SIN_1]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.Contains("[CA_SIN_2]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.True(received.Contains(OrderNumber), "An order number with no context word was redacted.");
    }
}
