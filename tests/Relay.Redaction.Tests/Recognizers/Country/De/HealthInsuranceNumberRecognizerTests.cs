using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.De;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.De;

/// <summary>
/// gematik's test number <c>X110411675</c> and numbers whose check digit an independent implementation of the same
/// weights (Python) computed for this table. <c>A123456789</c>, the placeholder of the FHIR examples, fails the check.
/// </summary>
public sealed class HealthInsuranceNumberRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new HealthInsuranceNumberRecognizer();

    protected override string EntityType => EntityTypes.DeKvnr;

    protected override (double Min, double Max) DefaultScore => (0.4, 0.4);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("KVNR X110411675", "X110411675"),
        Hit("Versichertennummer: A123456780, AOK Nordost", "A123456780"),
        Hit("M987654323", "M987654323"),
        Hits("T000000014, X110411675", "T000000014", "X110411675"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no number here"),
        None("Versichertennummer A123456789"), // the FHIR placeholder: check digit 0, not 9
        None("x110411675"), // lower-case letter
        None("XX110411675"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("X110411676"),
        None("X11041167"),
        None("X1104116750"),
        None("X110411675a"),
    ];
}
