using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.Ca;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.Ca;

/// <summary>Numbers whose Luhn check digit an independent implementation (Python) computed; the government's sample <c>046 454 286</c> starts with 0.</summary>
public sealed class SocialInsuranceNumberRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new SocialInsuranceNumberRecognizer();

    protected override string EntityType => EntityTypes.CaSin;

    protected override (double Min, double Max) DefaultScore => (0.4, 0.4);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("SIN: 130 256 787", "130 256 787"),
        Hit("numéro d'assurance sociale 234-567-899.", "234-567-899"),
        Hit("(712 345 677)", "712 345 677"),
        Hit("temporary resident SIN 912345675", "912345675", 0.3, 0.3),
        Hits("645 258 674 and 512-345-679", "645 258 674", "512-345-679"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no number here"),
        None("SIN: 046 454 286"), // the government's sample: 0 is kept for fictitious numbers
        None("812 345 676"), // 8 is not assigned
        None("130 256-787"), // mixed separators
        None("123 130 256 787"), // blank-joined groups of one longer number
        None("130 256 787 12"),
        None("order #130256787"),
        None("card 4111 1111 1111 1111"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("130 256 788"), // check digit off by one
        None("130 256 778"), // last two swapped
        None("103 256 787"), // first two swapped
        None("130 256 78"),
        None("1302567870"),
        None("130-256-787.5"),
    ];
}
