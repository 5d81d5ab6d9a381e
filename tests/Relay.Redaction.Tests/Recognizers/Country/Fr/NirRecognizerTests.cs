using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.Fr;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.Fr;

public sealed class NirRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new NirRecognizer();

    protected override string EntityType => EntityTypes.FrNir;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("NIR 2 69 05 49 588 157 80 (carte vitale)", 4, 25),
        Hit("sécurité sociale : 184127645108946.", "184127645108946"),
        Hit("Corse-du-Sud 1 85 05 2A 004 123 56", "1 85 05 2A 004 123 56"),
        Hit("Haute-Corse 255082B12345673", "255082B12345673"),
        Hit("outre-mer 1 84 12 976 12 345 19", "1 84 12 976 12 345 19"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no nir"),
        None("phone 01 23 45 67 89"),
        None("long 1841276451089461234"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("NIR 2 69 05 49 588 157 81"),
        None("NIR 184127645108947"),
        None("NIR 1 85 05 2A 004 123 57"),
        None("NIR 1 85 05 2B 004 123 56"),
        None("NIR 5 69 05 49 588 157 80"),
        None("NIR 2 69 15 49 588 157 80"),
    ];

    [Theory]
    [InlineData("2690549588157", 80)]
    [InlineData("1841276451089", 46)]
    [InlineData("1850519004123", 56)] // 2A counted as 19
    [InlineData("2550818123456", 73)] // 2B counted as 18
    public void Key_97MinusMod97_MatchesReference(string thirteenDigits, int key) =>
        Assert.Equal(key, CheckDigitReference.NirKey(thirteenDigits));
}
