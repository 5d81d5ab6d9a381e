using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// A discharge note with the record numbers hospitals file patients under, in English, German and French, and the
/// patient's Medicare number, through the gateway with the official SDKs: none reaches the fake provider and the client
/// gets its text back byte for byte, streamed included. Before session 18 all five went out in clear.
/// </summary>
public sealed class HealthIdentifiersRoundTripTests : SdkRoundTripTests
{
    private static readonly string[] Numbers = ["00123456", "4471-2231", "2024-004417", "000456123", "1EG4-TE5-MK73"];

    private static readonly string Prompt =
        "Summarise this discharge note for the GP.\nMRN: " + Numbers[0] + " (old chart no. " + Numbers[1] + ").\n"
        + "Aus dem Brief der Klinik: Patientennummer " + Numbers[2] + ", Verlegung am 3.4.\n"
        + "Compte rendu : IPP " + Numbers[3] + ", sortie le 5 avril.\nBilling: Medicare " + Numbers[4] + ".";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sdk_HealthIdentifiers_NoneReachesProviderAndClientGetsOwnText(bool anthropic)
    {
        var received = await AssertValuesRedactedAndRestoredAsync(Prompt, anthropic, [.. Numbers, Numbers[4].Replace("-", "", StringComparison.Ordinal)]);

        Assert.Contains("[MEDICAL_RECORD_NUMBER_4]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.Contains("[US_MBI_1]", received.DecodedStrings, StringComparison.Ordinal);
    }
}
