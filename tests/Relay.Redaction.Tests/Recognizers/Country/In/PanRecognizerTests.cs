using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.In;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.In;

public sealed class PanRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new PanRecognizer();

    protected override string EntityType => EntityTypes.InPan;

    protected override (double Min, double Max) DefaultScore => (0.4, 0.4);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("PAN AAAPL1234C for TDS", "AAAPL1234C"),
        Hit("company PAN: AABCT3518Q.", "AABCT3518Q"),
        Hits("BNZPM2501F, AAFHS1234K", "BNZPM2501F", "AAFHS1234K"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no number here"),
        None("ABCDE1234F"), // D is no holder type
        None("aaapl1234c"), // lower case
        None("SKU AAAPL12345"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("AAAPL1234"),
        None("AAAPL1234CC"),
        None("XAAAPL1234C"),
        None("AAAP1234C"),
    ];
}
