using System.Globalization;
using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class PhoneNumberRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new PhoneNumberRecognizer(new RecognizerOptions());

    protected override string EntityType => EntityTypes.PhoneNumber;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("Call (212) 555-1234 tomorrow", 5, 19),
        Hit("US office: 212.555.0199.", "212.555.0199"),
        Hit("London +44 20 7946 0958 (Ofcom drama range)", "+44 20 7946 0958"),
        Hit("call +44 20 7946 0958 0a now", "+44 20 7946 0958"), // a run glued to a word at its end: the part before the last space still counts
        Hit("+44 20 7946 0958 12ab 4111 1111 1111 1111", "+44 20 7946 0958"),
        Hit("Berlin: +49 30 901820", "+49 30 901820"),
        Hit("Festnetz 030 901820, bitte", "030 901820"),
        Hit("portable 06 12 34 56 78", "06 12 34 56 78"),
        Hit("HQ +1 650-253-0000", "+1 650-253-0000"),
        Hit("whatsapp:+31612345678", "+31612345678"),
        Hit("Japan office +81 3-1234-5678", "+81 3-1234-5678"),
        Hit("call 2125551234", "2125551234", 0.4, 0.4),
        Hit("Fax: (030) 12345678.", "(030) 12345678"),
        Hit("toll free 1-800-555-0199", "1-800-555-0199"),
        Hit("mobile 07700 900123", "07700 900123"),
        Hit("Berlin 030 1234 5678", "030 1234 5678"),
        Hit("móvil 612 345 678", "612 345 678"),
        Hit("Invoice 2024-000123 (valid US digits, invoice grouping)", "2024-000123", 0.4, 0.4),
        Hits("Reach me on +44 20 7946 0958 or +49 30 901820.", "+44 20 7946 0958", "+49 30 901820"),

        // Numbers next to other numbers with only whitespace between them (found by the gateway round-trip property).
        Hit("jane.doe@example.com  +44 20 7946 0958  4111 1111 1111 1111", "+44 20 7946 0958"),
        Hit("+44 20 7946 0958 4111 1111 1111 1111", "+44 20 7946 0958"),
        Hit("+44 20 7946 0958\t4111 1111 1111 1111", "+44 20 7946 0958"),
        Hit("+44 20 7946 0958\n4111 1111 1111 1111", "+44 20 7946 0958"),
        Hit("Call (212) 555-1234  4111 1111 1111 1111", "(212) 555-1234"),
        Hit("Call (212) 555-1234 5500 0000 0000 0004", "(212) 555-1234"),
        Hits("+44 20 7946 0958 +49 30 901820", "+44 20 7946 0958", "+49 30 901820"),
        Hits("+44 20 7946 0958  +49 30 901820", "+44 20 7946 0958", "+49 30 901820"),
        Hits("+44 20 7946 0958\t+49 30 901820", "+44 20 7946 0958", "+49 30 901820"),
        Hits("(212) 555-1234 (212) 555-0199", "(212) 555-1234", "(212) 555-0199"),
        Hits("Call 07700 900123  (212) 555-0199", "07700 900123", "(212) 555-0199"),
        Hits("+44 20 7946 0958\n+49 30 901820", "+44 20 7946 0958", "+49 30 901820"),
        Hit("+44 20 7946 0958 GB82 WEST 1234 5698 7654 32", "+44 20 7946 0958"),
        Hit("+44 20 7946 0958  GB82WEST12345698765432", "+44 20 7946 0958"),
        Hit("+44 20 7946 0958 536-90-4399", "+44 20 7946 0958"),
        Hit("+44 20 7946 0958  536 90 4399", "+44 20 7946 0958"),
        Hit("+44 20 7946 0958\t536904399", "+44 20 7946 0958"),
        Hit("+44 20 7946 0958 $ 4111 1111 1111 1111", "+44 20 7946 0958"),
        Hit("€ +44 20 7946 0958", "+44 20 7946 0958"),
        Hits("Festnetz 030 901820 612 345 678", "030 901820", "612 345 678"), // not the bare run "030 901820 612" first
        Hit("Anna 0151 23456789 Berlin", "0151 23456789"), // DIN 5008: area code, then one block
        Hit("Anna 0151/23456789", "0151/23456789"),
        Hit("Gus 06 12345678", "06 12345678"),

        // Dialled with the international prefix instead of +, prefix and country code as their own group: as sure as +
        // (were 0.4, below the threshold, without a context word). A bare run starting 00 stays a shape-only reading.
        Hit("ou 0033 6 12 34 56 78 merci", "0033 6 12 34 56 78"),
        Hit("bel 0031-6-12345678", "0031-6-12345678"),
        Hit("ruf an: 0049 30 1234567", "0049 30 1234567"),
        Hit("mobil 0049 (0)151 23456789", "0049 (0)151 23456789"),
        Hit("ring 0044 20 7946 0958", "0044 20 7946 0958"),
        Hit("ref 00493012345678", "00493012345678", 0.4, 0.4),

        // The prefix and the country code as two groups, and 011, North America's prefix: the whole number, not a national
        // reading of its first digits (GB read "011 44 20 7946" as a Sheffield number and left "0958" in clear; no region
        // held "011 49 30 901820" or "00 49 30 901820" at all).
        Hit("From the US dial 011 44 20 7946 0958 to reach London", "011 44 20 7946 0958"),
        Hit("dial 011 49 30 901820 for Berlin", "011 49 30 901820"),
        Hit("Dial 011-44-20-7946-0958 now", "011-44-20-7946-0958"),
        Hit("ring 011 33 6 12 34 56 78 please", "011 33 6 12 34 56 78"),
        Hit("(011) 44 20 7946 0958", "(011) 44 20 7946 0958"),
        Hit("ref 00 49 30 901820", "00 49 30 901820"),
        Hits("Cleo 06 12 34 56 78 01 42 68 53 00 Paris", "06 12 34 56 78", "01 42 68 53 00"),
        Hits("Ida 06 1234 5678 333 123 4567 Roma", "06 1234 5678", "333 123 4567"),
        Hits("Anna 030 901820 0151 23456789 Berlin", "030 901820", "0151 23456789"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("Meeting on 2024-01-15 at 10:30"),
        None("Dates 15/01/2024 and 15.01.2024 and 01-15-2024"),
        None("Upgrade to version 10.0.13 or 1.2.3"),
        None("Total: $1,234,567.89"),
        None("Total: 1 234 567 €"),
        None("Price € 212 555 1234"),
        None("Order #123456789012 shipped"),
        None("Reference #2125551234"),
        None("Card 4111 1111 1111 1111 expires 12/26"),
        None("Server 192.168.100.200 is down"),
        None("Only 12345 digits"),
        None("ZIP 90210-1234"),
        None("pi is 3.14159265358979"),
        None("Cards 4111 1111 1111 1111 5500 0000 0000 0004"),
        None("Cards 4111 1111 1111 1111  4012 8888 8888 1881"),
        None("Amex 3782 822463 10005 5500 0000 0000 0004"),
        None("Dates 2024-01-15 2024-02-16  2024-03-17"),
        None("Versions 10.0.13 1.2.3  4.5.6"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("Call +44 20 7946 09"),
        None("Call +1 999 555 1234"),
        None("Call (000) 555-1234"),
        None("Number +99 123 456 789"),
    ];

    [Theory]
    [InlineData("(212) 555-1234", "(212) 555-1234", true)]
    [InlineData("1-800-555-0199", "(800) 555-0199", true)]
    [InlineData("(030) 12345678", "030 12345678", true)]
    [InlineData("2024-000123", "(202) 400-0123", false)]
    [InlineData("030 1234 5678", "030 12345678", true)]
    [InlineData("612 345 678", "612 34 56 78", true)]
    [InlineData("20240-00123", "(202) 400-0123", false)]
    public void HasPlausibleGrouping_WriterSplitsVersusNationalFormat_AreCompared(string raw, string national, bool expected) =>
        Assert.Equal(expected, PhoneShape.FollowsNationalFormat(raw, national) || PhoneShape.HasShortGroups(raw));

    [Fact]
    public void Constructor_UnknownRegion_ThrowsNamingIt()
    {
        var options = new RecognizerOptions { PhoneRegions = ["US", "XX"] };
        var ex = Assert.Throws<ArgumentException>(() => new PhoneNumberRecognizer(options));
        Assert.Contains("XX", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NationalNumberOfUnconfiguredRegion_IsNotTaggedButInternationalIs()
    {
        var usOnly = new PhoneNumberRecognizer(new RecognizerOptions { PhoneRegions = ["US"] });
        var results = new List<EntitySpan>();

        usOnly.Analyze("Paris 06 12 34 56 78 or +33 6 12 34 56 78", results);

        var span = Assert.Single(results);
        Assert.Equal("+33 6 12 34 56 78", "Paris 06 12 34 56 78 or +33 6 12 34 56 78"[span.Start..span.End]);
    }

    [Theory]
    [InlineData("(212) 555-{0:D4}", 1000)]
    [InlineData("212 555 {0:D4}", 1000)]
    [InlineData("07700 900{0:D3}", 1000)]
    [InlineData("+44 20 7946 {0:D4}", 300)]
    public void Analyze_LongListWithSingleSpaces_FindsEveryNumber(string format, int count)
    {
        // One window of thousands of digits: it used to be read only as far as its first 30-65 numbers. It is now read
        // in chunks of about 64 digits; numbers of 10 and 11 digits put the chunk boundaries at every offset in a number.
        var numbers = Enumerable.Range(0, count).Select(i => string.Format(CultureInfo.InvariantCulture, format, i)).ToArray();
        var text = "Numbers: " + string.Join(" ", numbers) + ". Thanks";
        var results = new List<EntitySpan>();

        CreateRecognizer().Analyze(text, results);

        Assert.Equal(numbers, results.Select(r => text[r.Start..r.End]));
        Assert.All(results, r => Assert.Equal(0.85, r.Score));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Analyze_MixedListWithSingleSpaces_EachNumberReadAsItStandsAlone(int seed)
    {
        // Numbers of several countries with only single spaces between them (a table pasted from a PDF): where one ends
        // is read from how each is written. A French number followed by a Paris one is also one valid, longer German
        // number in short groups; its own region's format wins.
        string[] shapes =
        [
            "(212) 555-1234", "030 901820", "06 12 34 56 78", "01 42 68 53 00", "07700 900123", "612 345 678",
            "030 1234 5678", "0151 23456789", "06 12345678", "06 1234 5678", "1-800-555-0199",
        ];
        var random = new Random(seed);
        var numbers = Enumerable.Range(0, 200).Select(_ => shapes[random.Next(shapes.Length)]).ToArray();
        var text = string.Join(" ", numbers);
        var results = new List<EntitySpan>();

        CreateRecognizer().Analyze(text, results);

        Assert.Equal(numbers, results.Select(r => text[r.Start..r.End]));
        Assert.All(results, r => Assert.Equal(0.85, r.Score));
    }
}

