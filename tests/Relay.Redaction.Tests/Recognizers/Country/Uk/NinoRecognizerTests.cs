using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.Uk;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.Uk;

public sealed class NinoRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new NinoRecognizer();

    protected override string EntityType => EntityTypes.UkNino;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("NI number AB123456C please", 10, 19),
        Hit("nino: AB 12 34 56 C.", "AB 12 34 56 C"),
        Hit("(ce 98 76 54 d)", "ce 98 76 54 d"),
        Hit("JG103759A", "JG103759A"),
        Hits("AB123456C and ZY987654B", "AB123456C", "ZY987654B"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no nino"),
        None("product code AB1234567C"),
        None("AB12345C short"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("QQ123456C"),
        None("DA123456C"),
        None("AO123456C"),
        None("BG123456C"),
        None("GB123456C"),
        None("NK123456A"),
        None("TN123456A"),
        None("ZZ123456A"),
        None("AB123456E"),
        None("VA123456A"),
    ];
}
