using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// An HR ticket with employee numbers and insurance policy numbers in English, German and French, through the gateway
/// with the official SDKs: none reaches the fake provider, and the client gets its text back byte for byte, streamed
/// included. Before session 18 the employee numbers and two of the policy numbers went out in clear, and the third
/// (<c>HX-4482-1190-77</c>) went out in part: its digits were taken for a phone number, its letters were left.
/// </summary>
public sealed class EmploymentAndInsuranceRoundTripTests : SdkRoundTripTests
{
    private static readonly string[] Numbers = ["0045821", "004711", "HX-4482-1190-77", "LV-2024-55123", "45-778812"];

    private static readonly string Prompt =
        "Draft a reply to this HR ticket.\nEmployee ID " + Numbers[0] + " asks about her leave; her German colleague "
        + "(Personalnummer " + Numbers[1] + ") too.\nBoth want the group cover: insurance policy number " + Numbers[2]
        + ", Policennummer " + Numbers[3] + ", numéro de police " + Numbers[4] + ".";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sdk_EmploymentAndPolicyNumbers_NoneReachesProviderAndClientGetsOwnText(bool anthropic)
    {
        var received = await AssertValuesRedactedAndRestoredAsync(Prompt, anthropic, [.. Numbers, "HX-"]);

        Assert.Contains("[EMPLOYEE_ID_2]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.Contains("[INSURANCE_NUMBER_3]", received.DecodedStrings, StringComparison.Ordinal);
    }
}
