using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.Nl;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.Nl;

public sealed class BsnRecognizerTests : RecognizerTestBase
{
    private const double Bare = 0.4;

    protected override IRecognizer CreateRecognizer() => new BsnRecognizer();

    protected override string EntityType => EntityTypes.NlBsn;

    protected override (double Min, double Max) DefaultScore => (0.9, 0.9);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Mijn BSN is 1112.22.333, graag verwerken.", "1112.22.333"),
        Hit("burgerservicenummer 111222333", "111222333", Bare, Bare),
        Hit("sofinummer: 123 456 782.", "123 456 782", Bare, Bare),
        Hit("(0123.45.672)", "0123.45.672"),
        Hits("1112.22.333 / 1234.56.782", "1112.22.333", "1234.56.782"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no numbers here"),
        None("Order #111222333"),
        None("amount 111222333.50"),
        None("long 1112223330"),
        None("Meeting 2024-01-15"),
        None("v1112.22.333"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("BSN 1112.22.334"),
        None("BSN 111222334"),
        None("BSN 000000000"),
        None("BSN 111.222.333"),
        None("BSN 1112 22 333"),
        None("BSN 123456789"),
    ];

    [Fact]
    public void HasCandidateRun_TrueWhereverThePatternMatches()
    {
        // The scan in front of the regex must never hide a match: random texts built from the shapes' pieces.
        string[] pieces = ["1", "12", "123", "1234", "12345", "123456789", "1112", "22", "333", ".", " ", "  ", "a", "-", "\u00A0", "0"];
        var random = new Random(20261204);
        var pattern = BsnRecognizer.BsnPattern();
        var matched = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (pattern.IsMatch(text))
            {
                matched++;
                Assert.True(BsnRecognizer.HasCandidateRun(text), $"scan closed on a match: {text}");
            }
        }

        Assert.True(matched > 500, $"only {matched} texts matched; the generator no longer exercises the shapes");
    }

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("123456782", true)]
    [InlineData("012345672", true)]
    [InlineData("123456789", false)]
    [InlineData("999999999", false)]
    public void IsValid_Elfproef_MatchesReference(string value, bool expected)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (value[i] - '0') * (9 - i);
        }

        Assert.Equal(expected, (sum - (value[8] - '0')) % 11 == 0 && value.Distinct().Count() > 1);
        Assert.Equal(expected, BsnRecognizer.IsValid(value));
    }
}
