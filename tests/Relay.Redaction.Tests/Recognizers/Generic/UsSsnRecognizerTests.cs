using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class UsSsnRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new UsSsnRecognizer();

    protected override string EntityType => EntityTypes.UsSsn;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("SSN 536-22-1234 on file", 4, 15),
        Hit("ssn: 536 22 1234", "536 22 1234", 0.6, 0.6),
        Hit("social security number 536221234", "536221234", 0.4, 0.4),
        Hit("(772-01-9915)", "772-01-9915"),
        Hits("536-22-1234 and 001-01-0001", "536-22-1234", "001-01-0001"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("Meeting on 2024-01-15"),
        None("Call (212) 555-1234"),
        None("Order #123456789012"),
        None("Order #536221234"),
        None("version 10.0.13"),
        None("amount 536-22-1234.50"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("SSN 000-12-3456"),
        None("SSN 666-12-3456"),
        None("SSN 900-12-3456"),
        None("SSN 999-12-3456"),
        None("SSN 536-00-1234"),
        None("SSN 536-22-0000"),
        None("SSN 123-45-6789"),
        None("SSN 078-05-1120"),
        None("SSN 111-11-1111"),
        None("SSN 536-22 1234"),
    ];
}
