using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.De;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.De;

/// <summary>
/// The Deutsche Rentenversicherung's example number (<c>65 170839 J 003</c>) and numbers whose check digit an
/// independent implementation of the same weights (Python) computed for this table.
/// </summary>
public sealed class SocialSecurityNumberRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new SocialSecurityNumberRecognizer();

    protected override string EntityType => EntityTypes.DeSvnr;

    protected override (double Min, double Max) DefaultScore => (0.9, 0.9);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Sozialversicherungsnummer: 65 170839 J 003", "65 170839 J 003"),
        Hit("SV-Nr. 65170839J003, Steuerklasse 1", "65170839J003"),
        Hit("RV-Nummer 12 150385 M 025.", "12 150385 M 025"),
        Hit("(53241290S511)", "53241290S511"), // a day of 53: the day's serials ran out
        Hit("04 010101 A 99 0", "04 010101 A 99 0"),
        Hits("65170839J003 und 12150385M025", "65170839J003", "12150385M025"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no number here"),
        None("Bestellung 12345678A123 vom Montag"),
        None("Artikel 65170839j003"), // lower-case letter
        None("65-170839-J-003"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("65 170839 J 004"), // check digit off by one
        None("65 170839 K 003"), // another letter
        None("65 171339 J 003"), // month 13
        None("65 320839 J 003"), // day 32
        None("00 170839 J 003"), // no area 00
        None("65 170839 J 0033"),
        None("X65170839J003"),
    ];
}
