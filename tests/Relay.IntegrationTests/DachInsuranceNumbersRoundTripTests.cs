using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// A German payslip question, a health-card line and a Swiss colleague's AHV number, through the gateway with the
/// official SDKs: the Sozialversicherungsnummer (found by its check digit), the Krankenversichertennummer (found by its
/// check digit and lifted over the threshold by the context word before it) and the AHV number (EAN-13 check digit) do
/// not reach the fake provider, and the client gets its text back byte for byte, streamed included. Before session 18
/// all three went out in clear; a letter and nine digits without a context word (an order number) still does. (After
/// "Versichertennummer" the same number is an INSURANCE_NUMBER: that key word's 0.85 beats the check digit's 0.4 lifted
/// by context to 0.75.)
/// </summary>
public sealed class DachInsuranceNumbersRoundTripTests : SdkRoundTripTests
{
    private static readonly string[] Numbers = ["65 170839 J 003", "X110411675", "756.9217.0769.85"];

    private static readonly string Prompt =
        "Meine Bestellung M987654323 ist unterwegs, und die Abrechnung kam gestern.\n"
        + "Bitte prüfe meine Gehaltsabrechnung: Sozialversicherungsnummer " + Numbers[0] + ", Steuerklasse 1.\n"
        + "Für die Krankenkasse (AOK), meine KVNR: " + Numbers[1] + ".\nMein Kollege in Zürich: AHV-Nr. " + Numbers[2] + ".";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sdk_InsuranceNumbers_NoneReachesProviderAndClientGetsOwnText(bool anthropic)
    {
        var received = await AssertValuesRedactedAndRestoredAsync(Prompt, anthropic, Numbers);

        Assert.Contains("[DE_SVNR_1]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.Contains("[DE_KVNR_1]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.Contains("[CH_AHV_1]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.True(received.Contains("M987654323"), "An order number with no context word was redacted.");
    }
}
