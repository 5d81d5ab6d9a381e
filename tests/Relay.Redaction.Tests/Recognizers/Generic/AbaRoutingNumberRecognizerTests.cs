using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class AbaRoutingNumberRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new AbaRoutingNumberRecognizer();

    protected override string EntityType => EntityTypes.AbaRoutingNumber;

    protected override (double Min, double Max) DefaultScore => (0.4, 0.4);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Routing number 021000021, account 123456789012", "021000021"),
        Hit("ABA: 011000015", "011000015"),
        Hit("RTN 026009593 (Bank of America, NY)", "026009593"),
        Hit("routing 121000358.", "121000358"),
        Hit("thrift 322271627", "322271627"),
        Hit("electronic 610000102", "610000102"),
        Hit("traveller's cheques 800123459", "800123459"),
        Hit("\u2446063100277\u2446 123456789\u2448", "063100277"),
        Hit("routing number 0210-0002-1", "0210-0002-1", 0.6, 0.6),
        Hit("(1110-0002-5)", "1110-0002-5", 0.6, 0.6),
        Hits("021000021 and 071000013", "021000021", "071000013"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("Order #021000021"),
        None("amount 021000021.50"),
        None("version 2.021000021"),
        None("routing number 02100002"),
        None("routing number 0210000210"),
        None("routing number 021-000-021"),
        None("routing number 021 000 021"),
        None("routing number 0210-0002-1-5"),
        None("ISBN 3-0210-0002-1"),
        None("Meeting on 2024-01-15"),
        None("SSN 536-22-1234"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("routing number 021000022"),
        None("routing number 123456789"),
        None("routing number 0210-0002-2"),
        None("routing number 130000006"),
        None("routing number 201234565"),
        None("routing number 331234561"),
        None("routing number 601234563"),
        None("routing number 731234569"),
        None("routing number 811234560"),
        None("routing number 500000005"),
        None("routing number 912701234"),
        None("routing number 000000000"),
        None("routing number 0000-0000-0"),
    ];

    [Theory]
    [InlineData("021000021", true)]
    [InlineData("011000015", true)]
    [InlineData("026009593", true)]
    [InlineData("121000358", true)]
    [InlineData("322271627", true)]
    [InlineData("111000025", true)]
    [InlineData("071000013", true)]
    [InlineData("063100277", true)]
    [InlineData("021000022", false)]
    [InlineData("123456789", false)]
    public void IsValid_PublishedAndInventedNumbers_AgreeWithTheReference(string digits, bool valid)
    {
        Assert.Equal(valid, CheckDigitReference.AbaChecksum(digits));
        Assert.Equal(valid, AbaRoutingNumberRecognizer.IsValid(digits));
    }

    [Fact]
    public void IsValid_RandomNumbers_AreTheReferenceChecksumWithinThePrefixTable()
    {
        // Federal Reserve districts 00-12, thrifts 21-32, electronic 61-72, traveller's cheques 80.
        var prefixes = new HashSet<int>(Enumerable.Range(0, 13).Concat(Enumerable.Range(21, 12)).Concat(Enumerable.Range(61, 12)).Append(80));
        var random = new Random(20261209);
        var passed = 0;
        for (var i = 0; i < 50_000; i++)
        {
            var digits = random.Next(1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var expected = CheckDigitReference.AbaChecksum(digits) && prefixes.Contains(int.Parse(digits[..2], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected, AbaRoutingNumberRecognizer.IsValid(digits));
            passed += expected ? 1 : 0;
        }

        // About one in 26: the reason a bare nine-digit number scores below the threshold.
        Assert.InRange(passed, 50_000 / 30, 50_000 / 23);
    }

    [Fact]
    public void HasCandidateRun_TrueWhereverThePatternMatches()
    {
        // The scan in front of the regex must never hide a match: random texts built from the shapes' pieces.
        string[] pieces = ["0", "02", "021", "0210", "00021", "021000021", "-", "--", " ", ".", "#", "x", "\u00A0", "1"];
        var random = new Random(20261210);
        var matched = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 9)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (AbaRoutingNumberRecognizer.RoutingPattern().IsMatch(text))
            {
                matched++;
                Assert.True(AbaRoutingNumberRecognizer.HasCandidateRun(text), $"scan closed on a match: {text}");
            }
        }

        Assert.True(matched > 500, $"only {matched} texts matched; the generator no longer exercises the shapes");
    }
}
