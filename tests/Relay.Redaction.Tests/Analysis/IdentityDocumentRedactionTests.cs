using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>Passport and driving licence numbers end to end: the real analyzer with the default recognizers and the text redactor.</summary>
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
}
