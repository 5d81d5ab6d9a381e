using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.Es;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.Es;

public sealed class NifRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new NifRecognizer();

    protected override string EntityType => EntityTypes.EsNif;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("DNI 12345678Z del titular", 4, 13),
        Hit("NIF: 87654321-X.", "87654321-X"),
        Hit("(45678123 p)", "45678123 p"),
        Hits("12345678Z y 00000000T", "12345678Z", "00000000T"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no dni"),
        None("ref 123456789Z"),
        None("code 12345678ZZ"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("DNI 12345678A"),
        None("DNI 87654321-Z"),
        None("DNI 45678123 Q"),
    ];

    [Theory]
    [InlineData("12345678", 'Z')]
    [InlineData("87654321", 'X')]
    [InlineData("45678123", 'P')]
    [InlineData("00000000", 'T')]
    public void ControlLetter_Mod23_MatchesReference(string digits, char letter)
    {
        Assert.Equal(letter, CheckDigitReference.DniLetter(long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(NifRecognizer.IsValid(int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), letter));
    }
}
