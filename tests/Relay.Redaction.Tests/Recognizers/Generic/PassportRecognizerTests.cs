using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class PassportRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new PassportRecognizer();

    protected override string EntityType => EntityTypes.Passport;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Passport no. 123456789, issued 2019", "123456789"),
        Hit("passport number: A12345678", "A12345678"),
        // Plurals and lists after one key word; a list stops at the first item that is not a passport number.
        Hits("Passport numbers: C01X00T47, C01X00T48 and C01X00T49.", "C01X00T47", "C01X00T48", "C01X00T49"),
        Hits("passport no. 123456789, 234567890; 345678901", "123456789", "234567890", "345678901"),
        Hits("Reisepässe: C01X00T47 und C01X00T48", "C01X00T47", "C01X00T48"),
        Hits("Passport number:\nC01X00T47\nC01X00T48", "C01X00T47", "C01X00T48"),
        Hits("Passports:\n- C01X00T47\n- C01X00T48", "C01X00T47", "C01X00T48"),
        Hit("passport no. 123456789, 5 pages, issued 2019 and 123456780", "123456789"),
        Hits("numéros de passeport 12AB34567 et 12AB34568", "12AB34567", "12AB34568"),
        Hit("US passport # 987654321 expires soon", "987654321"),
        Hit("Passport #C01X00T47", "C01X00T47"),
        Hit("PASSPORT NUMBER 123456789", "123456789"),
        Hit("my passport is 123456789.", "123456789"),
        Hit("Passport (UK): 123456789", "123456789"),
        Hit("passport No.123456", "123456"),
        Hit("passport ID: PAA123456", "PAA123456"),
        Hit("Reisepass: C01X00T47", "C01X00T47"),
        Hit("Reisepassnummer C01X00T47", "C01X00T47"),
        Hit("Reisepass-Nr. C01X00T47", "C01X00T47"),
        Hit("Pass-Nr.C01X00T47", "C01X00T47"),
        Hit("Die Passnummer lautet C01X00T47.", "C01X00T47"),
        Hit("numéro de passeport : 12AB34567", "12AB34567"),
        Hit("passeport n° 12AB34567", "12AB34567"),
        Hit("paspoortnummer NPFH45K12", "NPFH45K12"),
        Hit("Paspoort nr. NPFH45K12", "NPFH45K12"),
        Hit("número de pasaporte: PAA123456", "PAA123456"),
        Hit("pasaporte nº PAA123456", "PAA123456"),
        Hit("numero di passaporto YA1234567", "YA1234567"),
        Hit("passaporto n. YA1234567", "YA1234567"),
        Hit("passport: UK 123456789", "123456789"),
        Hit("Passport no. USA 987654321", "987654321"),
        Hit("passport c01x00t47", "c01x00t47"),
        Hit("my passport number is c01x00t47, thanks", "c01x00t47"),
        Hits("passport 123456789 and Reisepass C01X00T47", "123456789", "C01X00T47"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("passport"),
        None("Passport photo required"),
        None("renew your passport 2 weeks before travel"),
        None("passport number: unknown"),
        None("Passport: see the attached scan"),
        None("Ticket 123456789, booking C01X00T47"),
        None("I passed 123456789 checks"),
        None("my pass 123456789"),
        None("password 123456789"),
        None("passport: UK citizen since 2019"),
        None("Passport: USA 12345"),
        None("passport renewal fee is 120 dollars"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("passport 12345"),
        None("passport 1234567890"),
        None("passport C01X00T47X"),
        None("passport 123456789-12"),
        None("passport 123456/78"),
        None("passport 12345678.9"),
        None("passport ABCDEFGH"),
        None("passport 123 456 789"),
        None("xpassport 123456789"),
        None("passport123456789"),
    ];

    [Fact]
    public void HasKeyWord_TrueWhereverTheNumberPatternMatches()
    {
        string[] keyWords =
        [
            "passport", "reisepass", "reisepassnummer", "reisepass-nr.", "passnummer", "pass-nr.", "pass-nummer", "passnr",
            "passeport", "numéro de passeport", "paspoort", "paspoortnummer", "pasaporte", "passaporto", "pass", "passe",
        ];
        string[][] slots =
        [
            ["", " no.", " number", " Nr.", " n°", " núm.", " ID", " nummer", " x"],
            [" ", ": ", " # ", "#", " is ", " (UK): ", "", ".", "  "],
            ["123456789", "C01X00T47", "12AB34567", "12345", "ABCDEFGH", "c01x00t47", "123456789012"],
            ["", ".", " ", "-1", "x"],
        ];

        GeneratedTexts.AssertGateOpensOnEveryMatch(
            PassportRecognizer.NumberPattern(), PassportRecognizer.HasKeyWord, keyWords, slots, seed: 20261205, count: 20_000, minMatches: 1_000);
    }
}
