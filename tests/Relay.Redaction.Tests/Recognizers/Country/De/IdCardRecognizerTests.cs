using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.De;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.De;

public sealed class IdCardRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new IdCardRecognizer();

    protected override string EntityType => EntityTypes.DeIdCard;

    protected override (double Min, double Max) DefaultScore => (0.9, 0.9);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        // T22000129 + 3 is the serial of the official specimen card (Erika Mustermann).
        At("Ausweisnummer T220001293 gültig", 14, 24),
        Hit("MRZ IDD<<T220001293<<<<<<<<<<<<<<<", "T220001293"),
        Hit("Perso: L01X00T471.", "L01X00T471"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("lower case t220001293"),
        None("no id here"),
        None("digits only 2200012931"),
        None("vowel A220001293"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("Ausweis T220001294"),
        None("Ausweis L01X00T472"),
        None("Ausweis T22000129"),
    ];

    [Theory]
    [InlineData("T22000129", 3)]
    [InlineData("L01X00T47", 1)]
    public void ComputeCheckDigit_Weights731_MatchesReference(string serial, int expected)
    {
        Assert.Equal(expected, CheckDigitReference.Icao731(serial));
        Assert.Equal(expected, IdCardRecognizer.ComputeCheckDigit(serial));
    }
}
