using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class DriverLicenseRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new DriverLicenseRecognizer();

    protected override string EntityType => EntityTypes.DriverLicense;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Driver's license: D1234567, state CA", "D1234567"),
        Hit("drivers license number 123-456-789", "123-456-789"),
        Hits("Driver's license numbers: D1234567, D7654321", "D1234567", "D7654321"), // a list after one key word
        Hits("Führerscheine: B072RRE2I55 oder B072RRE2I56", "B072RRE2I55", "B072RRE2I56"),
        Hit("driver’s license D123-456-78-901-0", "D123-456-78-901-0"),
        Hit("driver license is 123 456 789.", "123 456 789"),
        Hit("Driving licence MORGA657054SM9IJ", "MORGA657054SM9IJ"),
        Hit("driving licence number: MORGA 657054 SM9IJ", "MORGA 657054 SM9IJ"),
        Hit("Licence number MORGA657054SM9IJ", "MORGA657054SM9IJ"),
        Hit("license no. 12345", "12345"),
        Hit("DL no. D1234567 AND PASSPORT", "D1234567"),
        Hit("DL#WDL1234567", "WDL1234567"),
        Hit("DL #: 12345678", "12345678"),
        Hit("Führerscheinnummer: B072RRE2I55", "B072RRE2I55"),
        Hit("Führerschein-Nr. B072RRE2I55", "B072RRE2I55"),
        Hit("FUEHRERSCHEIN B072RRE2I55", "B072RRE2I55"),
        Hit("permis de conduire n° 123456789012", "123456789012"),
        Hit("numéro de permis : 13AA00002", "13AA00002"),
        Hit("rijbewijsnummer 5123456789", "5123456789"),
        Hit("Rijbewijs: 5123456789", "5123456789"),
        Hit("carné de conducir 12345678Z", "12345678Z"),
        Hit("permiso de conducir: 12345678Z", "12345678Z"),
        Hit("patente di guida n. U11234567X", "U11234567X"),
        Hit("driver license 123456789 10 years ago", "123456789"),
        Hit("driver license 123 456 789 10 years ago", "123 456 789"),
        Hit("driving licence MORGA657054SM9IJ 23", "MORGA657054SM9IJ"),
        Hits("driver's license D1234567 and Führerschein B072RRE2I55", "D1234567", "B072RRE2I55"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("driver's license"),
        None("Driving licence 2 weeks ago"),
        None("driver license required for 10 years"),
        None("driving licence: FULL"),
        None("MIT License 2.0"),
        None("licensed under 12345 terms"),
        None("DL 2024 conference"),
        None("Download D1234567 now"),
        None("order D1234567 shipped"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("driver's license 1234"),
        None("driver's license D1234567890123456789"),
        None("driver's license 123-456-789-012-345-678"),
        None("driver's license ABCDEFG"),
        None("driver's license d1234567"),
        None("driver's license D1234567x"),
        None("driver's license D1234567/89"),
        None("driver's license D1234567.8"),
        None("dl no. D1234567"),
        None("xdriving licence D1234567"),
        None("licence D1234567"),
    ];

    [Fact]
    public void HasKeyWord_TrueWhereverTheNumberPatternMatches()
    {
        string[] keyWords =
        [
            "driver's license", "drivers licence", "driver license", "driving licence", "driver’s license", "licence", "license",
            "DL", "dl", "führerschein", "fuehrerschein", "führerscheinnummer", "permis de conduire", "numéro de permis",
            "n° de permis", "rijbewijs", "rijbewijsnummer", "carné de conducir", "permiso de conducir", "patente di guida",
            "driver", "permis",
        ];
        string[][] slots =
        [
            ["", " no.", " number", " nr.", " n°", " #", "#", " x"],
            [" ", ": ", " # ", "", " is ", " (UK): ", "  "],
            ["D1234567", "123-456-789", "MORGA 657054 SM9IJ", "1234", "ABCDEFG", "d1234567", "12345678901234567890"],
            ["", ".", " ", "-1", "x", " AND"],
        ];

        GeneratedTexts.AssertGateOpensOnEveryMatch(
            DriverLicenseRecognizer.NumberPattern(), DriverLicenseRecognizer.HasKeyWord, keyWords, slots, seed: 20261206, count: 20_000, minMatches: 1_000);
    }
}
