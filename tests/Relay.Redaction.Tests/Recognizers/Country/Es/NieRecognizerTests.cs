using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.Es;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.Es;

public sealed class NieRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new NieRecognizer();

    protected override string EntityType => EntityTypes.EsNie;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("NIE X1234567L de extranjero", 4, 13),
        Hit("nie: Y-7654321-G.", "Y-7654321-G"),
        Hit("(z0123456c)", "z0123456c"),
        Hits("X1234567L, Y7654321G", "X1234567L", "Y7654321G"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no nie"),
        None("model X12345678L"),
        None("A1234567L"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("NIE X1234567M"),
        None("NIE Y1234567L"),
        None("NIE Z7654321G"),
    ];

    [Theory]
    [InlineData("01234567", 'L')]
    [InlineData("17654321", 'G')]
    [InlineData("20123456", 'C')]
    public void ControlLetter_PrefixMappedThenMod23_MatchesReference(string digits, char letter) =>
        Assert.Equal(letter, CheckDigitReference.DniLetter(long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)));
}
