using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class CreditCardRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new CreditCardRecognizer();

    protected override string EntityType => EntityTypes.CreditCard;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("card 4111111111111111 ok", 5, 21),
        Hit("Visa: 4111 1111 1111 1111, exp 12/26", "4111 1111 1111 1111"),
        Hit("MC 5555-5555-5555-4444.", "5555-5555-5555-4444"),
        Hit("Amex 3782 822463 10005 (test)", "3782 822463 10005"),
        Hit("Discover 6011111111111117", "6011111111111117"),
        Hit("JCB 3530111333300000", "3530111333300000"),
        Hit("Diners 30569309025904", "30569309025904"),
        Hit("4012888888881881 12 26 123", "4012888888881881"),
        Hits("two cards: 4111111111111111 and 5555555555554444", "4111111111111111", "5555555555554444"),
        Hit("(4111-1111-1111-1111)", "4111-1111-1111-1111"),

        // Cards next to other numbers with only whitespace between them.
        Hits("4111 1111 1111 1111 5500 0000 0000 0004", "4111 1111 1111 1111", "5500 0000 0000 0004"),
        Hits("4111 1111 1111 1111  5500 0000 0000 0004", "4111 1111 1111 1111", "5500 0000 0000 0004"),
        Hits("4111 1111 1111 1111\t5500 0000 0000 0004", "4111 1111 1111 1111", "5500 0000 0000 0004"),
        Hits("4111 1111 1111 1111\n5500 0000 0000 0004", "4111 1111 1111 1111", "5500 0000 0000 0004"),
        Hits("4111-1111-1111-1111 5500-0000-0000-0004", "4111-1111-1111-1111", "5500-0000-0000-0004"),
        Hits("4111111111111111 5500000000000004", "4111111111111111", "5500000000000004"),
        Hits("Amex 3782 822463 10005 4111 1111 1111 1111", "3782 822463 10005", "4111 1111 1111 1111"),
        Hit("+44 20 7946 0958 4111 1111 1111 1111", "4111 1111 1111 1111"),
        Hit("+44 20 7946 0958  4111 1111 1111 1111", "4111 1111 1111 1111"),
        Hit("+1 650 253 0000 4111 1111 1111 1111", "4111 1111 1111 1111"),
        Hit("650 253 0001 4111 1111 1111 1111", "4111 1111 1111 1111"),
        Hit("020 7946 0958 4111 1111 1111 1111", "4111 1111 1111 1111"),
        Hit("DE89 3704 0044 0532 0130 00 4111 1111 1111 1111", "4111 1111 1111 1111"),
        Hit("GB82 WEST 1234 5698 7654 32 4111 1111 1111 1111", "4111 1111 1111 1111"),
        Hit("536-90-4399 4111 1111 1111 1111", "4111 1111 1111 1111"),
        Hit("536 90 4399 4111 1111 1111 1111", "4111 1111 1111 1111"),
        Hit("4111 1111 1111 1111 +44 20 7946 0958", "4111 1111 1111 1111"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no digits"),
        None("Order #123456789012 shipped"),
        None("Call +1 650 253 0000"),
        None("IBAN DE89370400440532013000"),
        None("tracking 1Z999AA10123456784"),
        None("id 4111111111111111111111111"),
        None("2024-01-15 and 10.0.13"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("card 4111111111111112"),
        None("card 4111 1111 1111 1112"),
        None("card 5555555555554445"),
        None("luhn-valid but no issuer 1234567812345670"),
        None("luhn-valid but no issuer 0000000000000000"),
        None("visa length 15: 411111111111116"),
        None("mixed separators 4111-1111 1111-1111"),
    ];

    [Theory]
    [InlineData(" ")]
    [InlineData("-")]
    public void Analyze_LongListOfCardsJoinedBySingleSeparators_FindsEveryCard(string separator)
    {
        // More than 24 groups form one chain read in parts; a card across a part's end used to be missed.
        string[] cards = ["4111 1111 1111 1111", "5500 0000 0000 0004", "3782 822463 10005", "4012 8888 8888 1881", "6011 0009 9013 9424"];
        var list = Enumerable.Range(0, 200).Select(i => cards[i % cards.Length].Replace(" ", separator, StringComparison.Ordinal)).ToArray();
        var text = "Cards: " + string.Join(separator, list) + " end";
        var results = new List<EntitySpan>();

        CreateRecognizer().Analyze(text, results);

        Assert.Equal(list, results.Select(r => text[r.Start..r.End]));
    }
}

