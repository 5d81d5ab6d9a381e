using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>
/// Passport, driving licence, vehicle identification and US taxpayer numbers end to end: the real analyzer with the
/// default recognizers and the text redactor.
/// </summary>
public sealed class IdentityDocumentRedactionTests
{
    private static readonly TestEngine Engine = new(recognizers: [.. DefaultRecognizers.Create(new RecognizerOptions())]);

    [Fact]
    public async Task RedactAsync_PromptWithPassportAndLicenceNumbers_ReplacesEveryOccurrenceAndRestores()
    {
        // The second C01X00T47 has no key word: value propagation replaces it as the same passport.
        const string prompt = "Please fill in the visa form: Reisepass C01X00T47, Führerschein B072RRE2I55. The scan shows C01X00T47 twice.";

        using var result = await Engine.Text.RedactAsync(prompt, RedactionPolicy.Default, CancellationToken.None);

        Assert.Equal(
            "Please fill in the visa form: Reisepass [PASSPORT_1], Führerschein [DRIVER_LICENSE_1]. The scan shows [PASSPORT_1] twice.",
            result.Text);
        Assert.Equal(2, result.EntityCounts[EntityTypes.Passport]);
        Assert.Equal(1, result.EntityCounts[EntityTypes.DriverLicense]);
        Assert.Equal(prompt, result.Restore(result.Text));
    }

    [Fact]
    public async Task RedactAsync_PromptWithVins_ReplacesEveryOccurrenceAndRestores()
    {
        // WVWZZZ1JZXW000001 carries no check digit: only after its key word is it a VIN, and propagation takes the
        // second occurrence. The upper- and lower-case writings of one VIN share a placeholder, which restores the first.
        const string prompt =
            "Fahrgestellnummer WVWZZZ1JZXW000001, same car as WVWZZZ1JZXW000001? The US one is 1HGCM82633A004352 (1hgcm82633a004352 in the form).";

        using var result = await Engine.Text.RedactAsync(prompt, RedactionPolicy.Default, CancellationToken.None);

        Assert.Equal("Fahrgestellnummer [VIN_1], same car as [VIN_1]? The US one is [VIN_2] ([VIN_2] in the form).", result.Text);
        Assert.Equal(4, result.EntityCounts[EntityTypes.Vin]);
        Assert.Equal(prompt.Replace("1hgcm82633a004352", "1HGCM82633A004352", StringComparison.Ordinal), result.Restore(result.Text));
    }

    [Fact]
    public async Task RedactAsync_PromptWithSsnAndItins_EachKeepsItsType()
    {
        // 912-70-1234 is also a well-formed Madrid phone number; the context word lifts the ITIN above it. The plain
        // ITIN (0.4) passes the threshold only with its context word, as a plain SSN does.
        const string prompt = "SSN 536-22-1234, ITIN 912-70-1234; her ITIN 950701234, same as 950701234.";

        using var result = await Engine.Text.RedactAsync(prompt, RedactionPolicy.Default, CancellationToken.None);

        Assert.Equal("SSN [US_SSN_1], ITIN [US_ITIN_1]; her ITIN [US_ITIN_2], same as [US_ITIN_2].", result.Text);
        Assert.Equal(1, result.EntityCounts[EntityTypes.UsSsn]);
        Assert.Equal(3, result.EntityCounts[EntityTypes.UsItin]);
        Assert.Equal(prompt, result.Restore(result.Text));
    }

    [Fact]
    public async Task RedactAsync_DashedSsnAndItinWithoutContext_KeepTheirTypesOverPhoneNumber()
    {
        // Both are also valid Spanish phone numbers (PHONE_NUMBER, same characters, same 0.85): the phone number is
        // the catch-all and loses the tie. A Madrid number written as such stays a phone number.
        const string prompt = "Numbers on file: 612-34-5678, 912-70-1234. Office: 912 70 12 34.";

        using var result = await Engine.Text.RedactAsync(prompt, RedactionPolicy.Default, CancellationToken.None);

        Assert.Equal("Numbers on file: [US_SSN_1], [US_ITIN_1]. Office: [PHONE_NUMBER_1].", result.Text);
        Assert.Equal(prompt, result.Restore(result.Text));
    }
}
