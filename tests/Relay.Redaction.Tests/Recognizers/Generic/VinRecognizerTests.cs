using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class VinRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new VinRecognizer();

    protected override string EntityType => EntityTypes.Vin;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("VIN: 1HGCM82633A004352, Honda Accord", "1HGCM82633A004352"),
        Hit("my vin is 1hgcm82633a004352 thanks", "1hgcm82633a004352"),
        Hit("Truck 1M8GDM9AXKP042788 is in the yard", "1M8GDM9AXKP042788"),
        Hit("JHMCM56557C404453", "JHMCM56557C404453"),
        Hit("(ZFA22300005123456)", "ZFA22300005123456"),
        Hit("Tesla 5YJ3E1EA2KF317000.", "5YJ3E1EA2KF317000"),
        Hit("report: https://example.com/vehicles/1HGCM82633A004352/history", "1HGCM82633A004352"),
        Hit("VIN No.JHMCM56557C404453", "JHMCM56557C404453"),
        Hit("VIN: 1FAB5CDE0F1234567", "1FAB5CDE0F1234567"),
        Hit("VIN#1HGCM82634A004352", "1HGCM82634A004352", 0.85, 0.85),
        Hit("vin: wvwzzz1jzxw000001", "wvwzzz1jzxw000001", 0.85, 0.85),
        Hit("Fahrgestellnummer: WVWZZZ1JZXW000001", "WVWZZZ1JZXW000001", 0.85, 0.85),
        Hit("Fahrgestell-Nr. WVWZZZ1JZXW000001", "WVWZZZ1JZXW000001", 0.85, 0.85),
        Hit("FIN WDB2030461A123456", "WDB2030461A123456", 0.85, 0.85),
        Hit("Fahrzeug-Identifizierungsnummer WDB2030461A123456", "WDB2030461A123456", 0.85, 0.85),
        Hit("chassis no. VF1BB0A0H12345678", "VF1BB0A0H12345678", 0.85, 0.85),
        Hit("Vehicle identification number (VIN): 5YJ3E1EA7KF317000", "5YJ3E1EA7KF317000", 0.85, 0.85),
        Hit("numéro de série : VF1BB0A0H12345678", "VF1BB0A0H12345678", 0.85, 0.85),
        Hit("chassisnummer XLRTE47MS0E123456", "XLRTE47MS0E123456", 0.85, 0.85),
        Hit("número de bastidor VSSZZZ6JZ9R123456", "VSSZZZ6JZ9R123456", 0.85, 0.85),
        Hit("numero di telaio ZFA31200000123456", "ZFA31200000123456", 0.85, 0.85),
        Hits("1HGCM82633A004352 and 1M8GDM9AXKP042788", "1HGCM82633A004352", "1M8GDM9AXKP042788"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("VIN"),
        None("VIN unknown, see the registration"),
        None("commit 3f786850e387550fdab836ed7e6dc881de23001b"),
        None("id 123e4567-e89b-12d3-a456-426614174000"),
        None("instance i-0abcd1234efab5678 stopped"),
        None("token aB3dE5gH7jK9mN1pR"),
        None("INTERNATIONALIZED UNCHARACTERISTIC"),
        None("Le vin rouge 2019 et un fin repas"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("1HGCM82634A004352"),
        None("car 1hgcm82634a004352"),
        None("VIN 1HGCM82633A0043520"),
        None("VIN 1HGCM82633A00435"),
        None("VIN 1HGCM82633A0O4352"),
        None("VIN 1hgcm82633A004352"),
        None("VIN 11111111111111111"),
        None("VIN 12345678901234567"),
        None("VIN ABCDEFGHJKLMNPRS1"),
        None("hash 1FAB5CDE0F1234567"),
        None("hash 76fb008f86bebb273"),
        None("steam 76561193760926030"),
        None("key BUM6ZRS67C6WXNDZC"),
        None("order ORD-1HGCM82633A004352"),
        None("1HGCM82633A004352-12"),
        None("1HGCM82633A004352.5"),
        None("xvin 1HGCM82634A004352"),
        None("Vincent 1HGCM82634A004352"),
        None("fin 1HGCM82634A004352"),
        None("vin1HGCM82634A004352"),
    ];

    [Theory]
    [InlineData("1HGCM82633A004352", true)]
    [InlineData("1M8GDM9AXKP042788", true)]
    [InlineData("11111111111111111", true)]
    [InlineData("1HGCM82634A004352", false)]
    [InlineData("WVWZZZ1JZXW000001", false)]
    public void HasValidCheckDigit_PublishedAndInventedValues_AgreeWithTheReference(string vin, bool valid)
    {
        Assert.Equal(valid, CheckDigitReference.VinCheckDigit(vin) == vin[8]);
        Assert.Equal(valid, VinRecognizer.HasValidCheckDigit(vin));
    }

    [Fact]
    public void HasKeyWord_TrueWhereverTheKeyedPatternMatches()
    {
        GeneratedTexts.AssertGateOpensOnEveryMatch(
            VinRecognizer.KeyedPattern(), VinRecognizer.HasKeyWord, KeyWords, Slots, seed: 20261207, count: 20_000, minMatches: 1_000);
    }

    [Fact]
    public void Analyze_GeneratedTexts_FindWhatTheUngatedKeyedPatternFinds()
    {
        // Analyze runs the key-word regex only where the scan left a token and the key-word search opens; both must
        // be exact: the same spans as running the regex on every text.
        var random = new Random(20261208);
        var recognizer = new VinRecognizer();
        var keyed = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = KeyWords[random.Next(KeyWords.Length)] + GeneratedTexts.FromSlots(Slots, random);
            var expected = new List<EntitySpan>();
            VinRecognizer.AddStandalone(text, expected);
            var standalone = expected.Count;
            VinRecognizer.AddKeyed(text, expected);
            keyed += expected.Count - standalone;

            var found = new List<EntitySpan>();
            recognizer.Analyze(text, found);
            Assert.True(expected.SequenceEqual(found), $"gated and ungated differ: {text}");
        }

        Assert.True(keyed > 1_000, $"only {keyed} keyed spans; the generator no longer exercises the key words");
    }

    private static readonly string[] KeyWords =
    [
        "vin", "VIN", "vehicle identification number", "Vehicle  Identification Number", "FIN", "fin", "chassis", "chassisnummer",
        "Fahrgestellnummer", "fahrgestell-nr.", "Fahrzeug-Identifizierungsnummer", "fahrzeugidentifikationsnummer",
        "numéro de série", "NUMERO DE SERIE", "número de bastidor", "bastidor", "numero di telaio", "telaio", "vehicle", "serial",
    ];

    private static readonly string[][] Slots =
    [
        ["", " no.", " number", " Nr.", " n°", " #", " x"],
        [" ", ": ", " # ", "#", " is ", " (VIN): ", "", ".", "\u00A0"],
        [
            "1HGCM82633A004352", "1HGCM82634A004352", "wvwzzz1jzxw000001", "WVWZZZ1JZXW000001", "1FAB5CDE0F1234567",
            "11111111111111111", "1hgcm82633A004352", "WVWZZZ1JZXW00000", "BUM6ZRS67C6WXNDZC",
        ],
        ["", ".", " ", "-1", "x", "/a", ".5"],
    ];
}
