using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class VatIdRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new VatIdRecognizer();

    protected override string EntityType => EntityTypes.VatId;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hits("Our VAT number is DE136695976 and theirs is NL004495445B01", "DE136695976", "NL004495445B01"),
        Hit("USt-IdNr.: DE 136 695 976", "DE 136 695 976"),
        Hit("Umsatzsteuer-Identifikationsnummer DE 123456788.", "DE 123456788"),
        Hit("vat de136695976", "de136695976"),
        Hit("BTW-id NL123456789B13 (since 2020)", "NL123456789B13"),
        Hit("btw-nummer NL 004495445 B01", "NL 004495445 B01"),
        Hit("n° TVA intracommunautaire : FR 40 303 265 045", "FR 40 303 265 045"),
        Hit("TVA FR44732829320", "FR44732829320"),
        Hit("BTW BE 0403.170.701", "BE 0403.170.701"),
        Hit("BE0123456749", "BE0123456749"),
        Hit("UID: ATU13585627", "ATU13585627"),
        Hit("UID-Nr. ATU 1234 5675", "ATU 1234 5675"),
        Hit("P.IVA IT00743110157", "IT00743110157"),
        Hit("partita IVA: IT 12345678903", "IT 12345678903"),
        Hit("NIF-IVA ES12345678Z", "ES12345678Z"),
        Hit("NIF-IVA ESX1234567L", "ESX1234567L"),
        Hit("NIF ESK1234567L", "ESK1234567L"),
        Hit("CIF: ESA58818501", "ESA58818501"),
        Hit("CIF ESQ2826000H", "ESQ2826000H"),
        Hit("CIF ESB1234567D / old", "ESB1234567D"),
        Hit("VAT Reg No GB980780684", "GB980780684"),
        Hit("VAT GB 123 4567 27", "GB 123 4567 27"),
        Hit("branch GB123456782001", "GB123456782001"),
        Hit("(DE136695976)", "DE136695976"),

        // An IBAN of the same country stays out, the VAT ID after it is found.
        Hit("IBAN DE89 3704 0044 0532 0130 00, USt-IdNr. DE136695976", "DE136695976"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no VAT number here"),
        None("IBAN DE89 3704 0044 0532 0130 00"),
        None("IBAN DE89370400440532013000"),
        None("BE68 5390 0754 7034"),
        None("Steuer-ID 86 095 742 719"),
        None("order 136695976 shipped"),

        // Lower case only glued, one case only, one separator throughout, groups that go on, a numeric expression.
        None("plus de 136695976 euros"),
        None("De136695976"),
        None("dE136695976"),
        None("DE 136.695 976"),
        None("DE  136695976"),
        None("DE 136 695 976 123"),
        None("DE136695976.5"),
        None("DE136695976-1"),

        // Letters in a French key are issued but not checked, so not accepted.
        None("FRXX303265045"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("DE136695977"),
        None("DE 136 695 975"),
        None("NL004495446B01"),
        None("NL123456789B14"),
        None("FR41303265045"),
        None("FR40303265046"),
        None("BE0403170702"),
        None("ATU13585628"),
        None("IT00743110158"),
        None("IT00000000000"),
        None("ES12345678A"),
        None("ESX1234567M"),
        None("ESA58818502"),
        None("GB980780685"),
        None("GB000000000"),
    ];

    [Theory]
    [InlineData("DE136695976", true)]
    [InlineData("DE123456788", true)]
    [InlineData("NL004495445B01", true)]
    [InlineData("NL123456789B13", true)]
    [InlineData("FR40303265045", true)]
    [InlineData("FR44732829320", true)]
    [InlineData("BE0403170701", true)]
    [InlineData("BE0123456749", true)]
    [InlineData("ATU13585627", true)]
    [InlineData("ATU12345675", true)]
    [InlineData("IT00743110157", true)]
    [InlineData("IT12345678903", true)]
    [InlineData("ES12345678Z", true)]
    [InlineData("ESX1234567L", true)]
    [InlineData("ESK1234567L", true)]
    [InlineData("ESA58818501", true)]
    [InlineData("ESQ2826000H", true)]
    [InlineData("ESB1234567D", true)]
    [InlineData("GB980780684", true)]
    [InlineData("GB123456727", true)]
    [InlineData("GB123456782001", true)]
    [InlineData("DE136695977", false)]
    [InlineData("DE136695975", false)]
    [InlineData("NL004495446B01", false)]
    [InlineData("NL123456789B14", false)]
    [InlineData("FR41303265045", false)]
    [InlineData("FR40303265046", false)]
    [InlineData("BE0403170702", false)]
    [InlineData("ATU13585628", false)]
    [InlineData("IT00743110158", false)]
    [InlineData("IT00000000000", false)]
    [InlineData("ES12345678A", false)]
    [InlineData("ESX1234567M", false)]
    [InlineData("ESA58818502", false)]
    [InlineData("GB980780685", false)]
    [InlineData("GB000000000", false)]
    public void Analyze_TableValues_AgreeWithTheReference(string vat, bool valid)
    {
        Assert.Equal(valid, CheckDigitReference.VatIdValid(vat));
        Assert.Equal(valid, Finds(vat));
    }

    /// <summary>Per country: the shape after the prefix (D digit, A letter or digit, other letters themselves).</summary>
    public static TheoryData<string, string> Shapes => new()
    {
        { "DE", "DDDDDDDDD" },
        { "NL", "DDDDDDDDDBDD" },
        { "FR", "DDDDDDDDDDD" },
        { "BE", "DDDDDDDDDD" },
        { "AT", "UDDDDDDDD" },
        { "IT", "DDDDDDDDDDD" },
        { "ES", "ADDDDDDDA" },
        { "GB", "DDDDDDDDD" },
        { "GB", "DDDDDDDDDDDD" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Analyze_RandomNumbersOfTheShape_AgreeWithTheReference(string country, string shape)
    {
        var random = new Random(Seed(country, shape));
        var valid = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var vat = country + RandomBody(shape, random);
            var expected = CheckDigitReference.VatIdValid(vat);
            valid += expected ? 1 : 0;
            Assert.True(expected == Finds(vat), $"{vat}: reference {expected}");
        }

        Assert.True(valid > 0, $"no valid {country} number among the random ones");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Analyze_NumbersConstructedFromTheReference_AreFoundAsWrittenAndEachOneCharacterChangeAgrees(string country, string shape)
    {
        var random = new Random(Seed(country, shape) + 1);
        for (var n = 0; n < 200; n++)
        {
            var body = ConstructValid(country, shape, random);
            Assert.True(Finds(country + body), country + body);
            Assert.True(Finds(country + " " + body), country + " " + body);
            Assert.True(Finds(country.ToLowerInvariant() + body.ToLowerInvariant()), body);
            var grouped = string.Join(' ', body.Chunk(3).Select(c => new string(c)));
            Assert.True(Finds(country + " " + grouped), country + " " + grouped);
            Assert.True(Finds(country + grouped.Replace(' ', '.')), country + grouped.Replace(' ', '.'));

            var position = random.Next(body.Length);
            if (char.IsAsciiDigit(body[position]))
            {
                var changed = body[..position] + (char)('0' + ((body[position] - '0' + 1 + random.Next(9)) % 10)) + body[(position + 1)..];
                Assert.Equal(CheckDigitReference.VatIdValid(country + changed), Finds(country + changed));
            }
        }
    }

    private const string EsFirst = "0123456789ABCDEFGHJKLMNPQRSUVWXYZ";
    private const string LettersAndDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static string RandomBody(string shape, Random random) =>
        string.Concat(shape.Select((s, i) => s switch
        {
            'D' => (char)('0' + random.Next(10)),
            'A' when i == 0 => EsFirst[random.Next(EsFirst.Length)],
            'A' => LettersAndDigits[random.Next(LettersAndDigits.Length)],
            _ => s,
        }));

    /// <summary>
    /// A random number of the shape made valid by the reference alone: every choice of its last two characters (and,
    /// for FR, the key in front) is tried and one the reference accepts is taken.
    /// </summary>
    private static string ConstructValid(string country, string shape, Random random)
    {
        while (true)
        {
            var body = RandomBody(shape, random).ToCharArray();
            var candidates = new List<string>();
            var tailAlphabet = shape[^1] == 'A' ? LettersAndDigits : "0123456789";
            string?[] keys = country == "FR" ? [.. Enumerable.Range(0, 100).Select(k => k.ToString("00", System.Globalization.CultureInfo.InvariantCulture))] : [null];
            foreach (var key in keys)
            {
                foreach (var a in shape[^2] == 'D' ? "0123456789" : shape[^2].ToString())
                {
                    foreach (var b in tailAlphabet)
                    {
                        body[^2] = a;
                        body[^1] = b;
                        if (key is not null)
                        {
                            body[0] = key[0];
                            body[1] = key[1];
                        }

                        var value = new string(body);
                        if (CheckDigitReference.VatIdValid(country + value))
                        {
                            candidates.Add(value);
                        }
                    }
                }
            }

            if (candidates.Count > 0)
            {
                return candidates[random.Next(candidates.Count)];
            }
        }
    }

    private static int Seed(string country, string shape) => (country[0] * 1000) + (country[1] * 100) + shape.Length;

    private static bool Finds(string vat)
    {
        var text = "VAT " + vat + ".";
        var found = new List<EntitySpan>();
        new VatIdRecognizer().Analyze(text, found);
        return found.Count == 1 && found[0].Start == 4 && found[0].End == 4 + vat.Length;
    }
}
