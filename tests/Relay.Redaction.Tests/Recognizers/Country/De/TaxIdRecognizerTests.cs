using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.De;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.De;

public sealed class TaxIdRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new TaxIdRecognizer();

    protected override string EntityType => EntityTypes.DeTaxId;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("Steuer-ID: 86 095 742 719 laut Bescheid", 11, 25),
        Hit("IdNr 65929970489.", "65929970489", 0.9, 0.9),
        Hit("(26 954 371 827)", "26 954 371 827"),
        new("86095742719, 57549285017", [new(EntityTypes.DeTaxId, 0, 11, 0.9, 0.9), new(EntityTypes.DeTaxId, 13, 24, 0.9, 0.9)]),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("Telefon 01701234567"),
        None("Order #86095742719"),
        None("long 8609574271912"),
        None("no id"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("Steuer-ID 86095742718"),
        None("Steuer-ID 06095742719"),
        None("Steuer-ID 12345678903"),
        None("Steuer-ID 11145678900"),
        None("Steuer-ID 11223344556"),
    ];

    [Theory]
    [InlineData("86095742719")]
    [InlineData("65929970489")]
    [InlineData("26954371827")]
    [InlineData("57549285017")]
    [InlineData("12345678903")]
    public void ComputeCheckDigit_MatchesIso7064Reference(string value)
    {
        var expected = CheckDigitReference.Iso7064Mod11_10(value[..10]);
        Assert.Equal(expected, TaxIdRecognizer.ComputeCheckDigit(value.AsSpan(0, 10)));
        Assert.Equal(expected, value[10] - '0');
    }
}
