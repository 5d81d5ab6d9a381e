using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

/// <summary>CMS's example MBI (<c>1EG4-TE5-MK73</c>) and identifiers built to the positions CMS fixes.</summary>
public sealed class UsMbiRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new UsMbiRecognizer();

    protected override string EntityType => EntityTypes.UsMbi;

    protected override (double Min, double Max) DefaultScore => (0.6, 0.6);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Medicare number 1EG4-TE5-MK73, Part A", "1EG4-TE5-MK73"),
        Hit("MBI: 9AA0-AA0-AA00.", "9AA0-AA0-AA00"),
        Hit("(5K77-WX3-CD12)", "5K77-WX3-CD12"),
        Hit("new card 1EG4TE5MK73 arrived", "1EG4TE5MK73", 0.4, 0.4),
        Hits("1EG4-TE5-MK73 and 2FH5-UF6-NP84", "1EG4-TE5-MK73", "2FH5-UF6-NP84"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no identifier here"),
        None("1eg4-te5-mk73"), // lower case
        None("SKU ABCD-EFG-HIJK"),
        None("version 1.2.3-beta"),
        None("part 12AB-34C-DE56"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("0EG4-TE5-MK73"), // first position 0
        None("1SG4-TE5-MK73"), // S is not used
        None("1EGA-TE5-MK73"), // fourth position a letter
        None("1EG4-TE5MK73"), // one dash only
        None("1EG4-TE5-MK7"), // ten characters
        None("1EG4-TE5-MK73X"),
        None("X1EG4-TE5-MK73"),
        None("1EG4-TE5-MK73-22"),
    ];
}
