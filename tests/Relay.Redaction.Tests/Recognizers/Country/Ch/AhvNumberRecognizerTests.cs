using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.Ch;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.Ch;

/// <summary>The Swiss authorities' example number (<c>756.9217.0769.85</c>) and numbers whose EAN-13 digit an independent implementation (Python) computed.</summary>
public sealed class AhvNumberRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new AhvNumberRecognizer();

    protected override string EntityType => EntityTypes.ChAhv;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("AHV-Nr. 756.9217.0769.85, Lohnausweis 2025", "756.9217.0769.85"),
        Hit("numéro AVS : 756.1234.5678.97.", "756.1234.5678.97"),
        Hit("(756.0000.0000.19)", "756.0000.0000.19"),
        Hit("AHV 7569876543217", "7569876543217", 0.9, 0.9),
        Hits("756.9217.0769.85 und 756.1234.5678.97", "756.9217.0769.85", "756.1234.5678.97"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no number here"),
        None("EAN 7612345678900"), // a Swiss barcode prefix, not 756
        None("756 9217 0769 85"), // blanks: not how it is printed
        None("version 756.9217.0769.85.1"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("756.9217.0769.86"), // check digit off by one
        None("756.9217.0796.85"), // two digits swapped
        None("756.9217.0769.8"),
        None("7569217076985X"),
        None("X7569217076985"),
    ];
}
