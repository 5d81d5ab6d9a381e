using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.Uk;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.Uk;

public sealed class NhsNumberRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new NhsNumberRecognizer();

    protected override string EntityType => EntityTypes.UkNhs;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("NHS number 943 476 5919 on the letter", 11, 23),
        Hit("nhs: 943-476-5919.", "943-476-5919"),
        Hit("patient 9434765919", "9434765919", 0.9, 0.9),
        Hit("(401 023 2137)", "401 023 2137"),
        Hits("943 476 5919 / 401 023 2137", "943 476 5919", "401 023 2137"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no numbers"),
        None("Order #9434765919"),
        None("amount 9434765919.50"),
        None("long 94347659190123"),
        None("Meeting 2024-01-15"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("NHS 943 476 5918"),
        None("NHS 9434765910"),
        None("NHS 943 476-5919"),
        None("NHS 000 000 0000"),
        None("NHS 123 456 7890"),
    ];

    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("4010232137", true)]
    [InlineData("9434765918", false)]
    public void IsValid_Mod11_MatchesReference(string value, bool expected)
    {
        Assert.Equal(expected, CheckDigitReference.NhsCheckDigit(value[..9]) == value[9] - '0');
        Assert.Equal(expected, NhsNumberRecognizer.IsValid(value));
    }
}
