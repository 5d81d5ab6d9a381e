using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class UkSortCodeRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new UkSortCodeRecognizer();

    protected override string EntityType => EntityTypes.UkSortCode;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Sort code 20-00-00, account number 55779911", "20-00-00"),
        Hit("sort code: 40 47 84", "40 47 84"),
        Hits("Sort codes 20-00-00, 40-47-84", "20-00-00", "40-47-84"), // a list after one key word
        Hit("Sortcode 404784", "404784"),
        Hit("SORT-CODE = 60-16-13", "60-16-13"),
        Hit("S/C 30-94-57 A/C 12345678", "30-94-57"),
        Hit("the sort code is 09-01-28.", "09-01-28"),
        Hit("sort code (Barclays): 20-32-53", "20-32-53"),
        Hit("sort code #11-22-33", "11-22-33"),
        Hit("Sort code 20 00 00 account 55779911", "20 00 00"),
        Hits("sort code 20-00-00 or sort code 40-47-84", "20-00-00", "40-47-84"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("sort code"),
        None("Final score 20-00-00 after extra time"),
        None("born 12-05-85"),
        None("sort the 20-00-00 rows"),
        None("sort code: see the statement"),
        None("s/c 20-00-00"),
        None("sort code 20-00-00.5"),
        None("resort code 20-00-00"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("sort code 20-00-0"),
        None("sort code 20-00-000"),
        None("sort code 2000000"),
        None("sort code 20-00 00"),
        None("sort code 20/00/00"),
        None("sort code 20.00.00"),
        None("sort code 20-00-00-12"),
        None("sort code 2-000-00"),
        None("sortcode20-00-00"),
    ];

    [Fact]
    public void HasKeyWord_TrueWhereverTheSortCodePatternMatches()
    {
        string[] keyWords = ["sort code", "sortcode", "sort-code", "sort  code", "S/C", "s/c", "sort", "code"];
        string[][] slots =
        [
            [" ", ": ", " # ", "", " is ", " (UK): ", "  ", "="],
            ["20-00-00", "20 00 00", "200000", "20-00 00", "2000000", "20-00-0"],
            ["", ".", " ", "-1", "x", ","],
        ];

        GeneratedTexts.AssertGateOpensOnEveryMatch(
            UkSortCodeRecognizer.SortCodePattern(), UkSortCodeRecognizer.HasKeyWord, keyWords, slots, seed: 20261212, count: 20_000, minMatches: 1_000);
    }
}
