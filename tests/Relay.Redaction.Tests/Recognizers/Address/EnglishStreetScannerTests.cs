using System.Text;
using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Address;

namespace StealthRelay.Redaction.Tests.Recognizers.Address;

/// <summary>
/// <see cref="EnglishStreetScanner"/> replaced one regex for speed; these tests hold it to that regex's language: at
/// every start position of many generated texts, both find the same candidate (number, name words, end).
/// </summary>
public sealed class EnglishStreetScannerTests
{
    /// <summary>The regex the scanner replaced, built from the same word lists: the reference the scanner must equal.</summary>
    private static readonly Regex EnglishStreetReference = new(
        @"(?<![\p{L}\p{N}_$€£#])(?<num>[0-9]{1,5}[a-z]?(?:-[0-9]{1,5}[a-z]?)?)[ \t\u00A0]+" +
        @"(?<name>(?:(?:[1-9][0-9]{0,3}(?:st|nd|rd|th)|\p{L}[\p{L}'’-]*)[ \t\u00A0]+){1,4}?)" +
        @"(?<type>" + StreetType + @"(?:[ \t\u00A0]+" + StreetType + "){0,2})" +
        @"(?:[ \t\u00A0]+(?:nw|ne|sw|se|n|s|e|w)\.?(?![\p{L}\p{N}_]))?" +
        @"(?:,?[ \t\u00A0]+(?:apt\.?|apartment|suite|ste\.?|unit|\#)[ \t\u00A0]?[0-9]{1,5}[a-z]?(?![\p{L}\p{N}_]))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private const string StreetType =
        "(?:" + StreetAddressPatterns.EnglishStreetTypes + "|(?:" + StreetAddressPatterns.EnglishStreetAbbreviations + @")\.?)(?![\p{L}\p{N}_])";

    /// <summary>Pieces the generator joins: numbers of every shape, names, types, directions, units, noise.</summary>
    private static readonly string[] Pieces =
    [
        "221B", "12", "5", "0", "007", "123456", "12-14", "12a-3b", "4111", "1111", "99999", "3.5", "#4", "$12", "€5", "£3",
        "5th", "42nd", "1st", "0th", "12345th", "3rd", "2ND", "7thx", "Baker", "baker", "BAKER", "Main", "O'Neil", "Howe-Tremblay",
        "Müller", "Ærø", "Street", "street", "STREET", "Streets", "St", "St.", "st.", "Ave", "Ave.", "Rd", "Road", "Lane", "Way",
        "Close", "Drive", "Park", "Hill", "Hills", "View", "Point", "Mews", "Pkwy", "Blvd", "Terrace", "Court", "Courts", "Route",
        "NW", "nw", "N", "S.", "E", "w.", "Apt", "Apt.", "apartment", "Suite", "Ste.", "Unit", "#", "4B", "200", "824",
        "and", "the", "to", "at", "via", "days", "ago", "miles", "in", "x", "_id", "a1", "Ⅻ", "²", "Louis", "St.Louis", "Rd.x",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "  ", "\t", "\u00A0", ", ", ",", ".", "\n", "-", "'", "’", ""];

    [Fact]
    public void Find_GeneratedTexts_SameCandidatesAsTheReferenceRegexAtEveryStart()
    {
        var random = new Random(20261123);
        var matched = 0;
        for (var n = 0; n < 4000; n++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 14);
            for (var i = 0; i < count; i++)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]).Append(Separators[random.Next(Separators.Length)]);
            }

            matched += AssertSameAtEveryStart(builder.ToString());
        }

        // The generator must reach the interesting cases, not only texts without any candidate.
        Assert.True(matched > 2000, $"only {matched} start positions had a candidate");
    }

    [Theory]
    [InlineData("Send it to 221B Baker Street please.")]
    [InlineData("The White House is at 1600 Pennsylvania Avenue NW, Washington, DC 20500.")]
    [InlineData("Deliver to 10 Downing St. by noon; St.Louis is 5 Main St.Louis")]
    [InlineData("ship to 123 Main St Apt 4B tomorrow, or 2500 Ocean Pkwy #12 at six")]
    [InlineData("We met at 1 Martin Luther King Jr Blvd yesterday and walked 5 miles down the road to 9 Old Mill Way.")]
    [InlineData("office: 350 5th Avenue, New York, NY 10118; 12-14 Howe-Tremblay Court N. Suite 200")]
    [InlineData("Her card 4111 1111 1111 1111 was charged twice; call +1 415-555-0132 or 192.168.10.24 Park Road")]
    [InlineData("5 ways to 10 Downing Street; 3 Big Hills; 27 European Union; 12345 Long Name Words Here Street")]
    public void Find_KnownTexts_SameCandidatesAsTheReferenceRegexAtEveryStart(string text) => Assert.True(AssertSameAtEveryStart(text) > 0);

    [Fact]
    public void Find_BakerStreet_ReportsNumberNameAndEnd()
    {
        const string text = "at 221B Baker Street NW, Apt 4 now";
        var candidate = EnglishStreetScanner.Find(text, 0);

        Assert.NotNull(candidate);
        var c = candidate.Value;
        Assert.Equal("221B", text[c.Start..c.NumberEnd]);
        Assert.Equal("Baker ", text[c.NameStart..c.NameEnd]);
        Assert.Equal("221B Baker Street NW, Apt 4", text[c.Start..c.End]);
    }

    /// <summary>Returns how many start positions had a candidate.</summary>
    private static int AssertSameAtEveryStart(string text)
    {
        var matched = 0;
        for (var from = 0; from <= text.Length; from++)
        {
            var expected = EnglishStreetReference.Match(text, from);
            var actual = EnglishStreetScanner.Find(text, from);
            if (!expected.Success)
            {
                Assert.True(actual is null, $"scanner found a candidate the regex does not, from {from} in \"{text}\"");
                continue;
            }

            matched++;
            Assert.True(actual is not null, $"scanner missed the regex's candidate at {expected.Index}, from {from} in \"{text}\"");
            var name = expected.Groups["name"];
            var number = expected.Groups["num"];
            Assert.Equal(
                (expected.Index, expected.Index + expected.Length, number.Index + number.Length, name.Index, name.Index + name.Length),
                (actual.Value.Start, actual.Value.End, actual.Value.NumberEnd, actual.Value.NameStart, actual.Value.NameEnd));
        }

        return matched;
    }
}
