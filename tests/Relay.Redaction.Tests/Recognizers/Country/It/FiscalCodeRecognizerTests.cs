using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.It;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.It;

public sealed class FiscalCodeRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new FiscalCodeRecognizer();

    protected override string EntityType => EntityTypes.ItFiscalCode;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("codice fiscale RSSMRA85T10A562S del cliente", 15, 31),
        Hit("CF: bnzvcn32s10e573z.", "bnzvcn32s10e573z"),
        Hit("(MRTMTT25D09F205Z)", "MRTMTT25D09F205Z"),
        Hit("omocodia RSSMRA85T10A56NH", "RSSMRA85T10A56NH"),
        Hits("RSSMRA85T10A562S / MRTMTT25D09F205Z", "RSSMRA85T10A562S", "MRTMTT25D09F205Z"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no code"),
        None("ABCDEFGHIJKLMNOP"),
        None("RSSMRA85T10A562SX trailing"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("CF RSSMRA85T10A562T"),
        None("CF RSSMRA85T10A563S"),
        None("CF RSSMRA85T35A562S"),
        None("CF RSSMRA85Z10A562S"),
    ];

    [Theory]
    [InlineData("RSSMRA85T10A562S")]
    [InlineData("BNZVCN32S10E573Z")]
    [InlineData("MRTMTT25D09F205Z")]
    [InlineData("RSSMRA85T10A56NH")]
    public void ComputeCheckChar_MatchesReference(string code)
    {
        Assert.Equal(CheckDigitReference.FiscalCodeCheckChar(code[..15]), code[15]);
        Assert.Equal(code[15], FiscalCodeRecognizer.ComputeCheckChar(code.AsSpan(0, 15)));
    }
}
