using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// A KYC note with an Indian PAN and Aadhaar number, through the gateway with the official SDKs: neither reaches the
/// fake provider (the PAN lifted over the threshold by its context word, the Aadhaar number found by its Verhoeff
/// digit), and the client gets its text back byte for byte, streamed included. Before session 18 both went out.
/// </summary>
public sealed class IndianIdentifiersRoundTripTests : SdkRoundTripTests
{
    private static readonly string[] Numbers = ["AAAPL1234C", "2341 2341 2346"];

    private static readonly string Prompt =
        "Check this KYC note for missing fields.\nPAN: " + Numbers[0] + ", Aadhaar " + Numbers[1] + ", address proof pending.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sdk_PanAndAadhaar_NeitherReachesProviderAndClientGetsOwnText(bool anthropic)
    {
        var received = await AssertValuesRedactedAndRestoredAsync(Prompt, anthropic, [.. Numbers, "2346"]);

        Assert.Contains("[IN_PAN_1]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.Contains("[IN_AADHAAR_1]", received.DecodedStrings, StringComparison.Ordinal);
    }
}
