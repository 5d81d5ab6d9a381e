using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.In;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.In;

/// <summary>UIDAI's sample number (<c>2341 2341 2346</c>) and numbers whose Verhoeff digit an independent implementation (Python) computed.</summary>
public sealed class AadhaarRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new AadhaarRecognizer();

    protected override string EntityType => EntityTypes.InAadhaar;

    protected override (double Min, double Max) DefaultScore => (0.9, 0.9);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Aadhaar 2341 2341 2346 attached.", "2341 2341 2346"),
        Hit("UID: 4991-8700-4110", "4991-8700-4110"),
        Hit("(7234 5678 9011)", "7234 5678 9011"),
        Hit("aadhaar no 567812345678", "567812345678", 0.4, 0.4),
        Hits("2341 2341 2346 and 4991 8700 4110", "2341 2341 2346", "4991 8700 4110"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no number here"),
        None("1234 5678 9012"), // starts with 1
        None("0499 1870 0411"),
        None("card 4111 1111 1111 1111"),
        None("2341 2341-2346"), // mixed separators
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("2341 2341 2347"), // check digit off by one
        None("2341 2341 2364"), // last two swapped
        None("2341 2341 234"),
        None("2341 2341 23466"),
        None("2341 2341 2346.5"),
    ];
}
