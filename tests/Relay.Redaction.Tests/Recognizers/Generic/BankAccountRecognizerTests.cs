using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class BankAccountRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new BankAccountRecognizer();

    protected override string EntityType => EntityTypes.BankAccount;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Sort code 20-00-00, account number 55779911", "55779911"),
        Hit("Routing number 021000021 account 123456789012", "123456789012"),
        // Plurals and lists after one key word (until session 15 "accounts" was no key word and only the first number of a list was taken).
        Hits("accounts 12345678 and 87654321", "12345678", "87654321"),
        Hits("Account numbers 12345678, 87654321 and 11223344.", "12345678", "87654321", "11223344"),
        Hits("Kontonummern: 1234567890, 2345678901", "1234567890", "2345678901"),
        Hits("rekeningnummers 123456789 en 987654321", "123456789", "987654321"),
        Hit("account no. 12345678, 12 months and 87654321", "12345678"), // a list ends at what is no account number
        Hit("Account No. 12345678, branch Leeds", "12345678"),
        Hit("Account #: 12345678", "12345678"),
        Hit("acct # 4455667788", "4455667788"),
        Hit("Acct#00123456", "00123456"),
        Hit("ACCT. 00123456", "00123456"),
        Hit("checking account 000123456789", "000123456789"),
        Hit("savings account: 9876543210.", "9876543210"),
        Hit("my bank account is 12345678", "12345678"),
        Hit("account (checking): 12345678", "12345678"),
        Hit("account number 123-456789-01", "123-456789-01"),
        Hit("account: 5577 9911", "5577 9911"),
        Hit("Account: 12 345 678", "12 345 678"),
        Hit("account number 55779911 10 years ago", "55779911"),
        Hit("account 12345678901234567", "12345678901234567"),
        Hit("Kontonummer 0532013000, BLZ 37040044", "0532013000"),
        Hit("Konto-Nr. 1234567890", "1234567890"),
        Hit("Kto.-Nr.: 1234567", "1234567"),
        Hit("Girokonto 1234567890", "1234567890"),
        Hit("Bankkonto: 987654321", "987654321"),
        Hit("Konto Nr.7654321", "7654321"),
        Hit("numéro de compte : 12345678901", "12345678901"),
        Hit("n° de compte 12345678901", "12345678901"),
        Hit("compte bancaire 00012345678", "00012345678"),
        Hit("rekeningnummer 123456789", "123456789"),
        Hit("rekening nr. 1234567", "1234567"),
        Hit("número de cuenta: 0123456789", "0123456789"),
        Hit("cuenta corriente 1234567890", "1234567890"),
        Hit("numero di conto 000012345678", "000012345678"),
        Hit("conto corrente n. 123456789012", "123456789012"),
        Hits("account 12345678, savings account 87654321", "12345678", "87654321"),
        Hit("número de cuenta 2100 0418 45 0200051332", "2100 0418 45 0200051332", 1.0, 1.0),
        Hit("CCC: 2100-0418-45-0200051332", "2100-0418-45-0200051332", 1.0, 1.0),
        Hit("código cuenta cliente 21000418450200051332", "21000418450200051332", 1.0, 1.0),
        Hit("número de cuenta 2100 0418 46 0200051332 (check digits wrong)", "2100 0418 46 0200051332", 0.85, 0.85),

        // The bookkeeping abbreviations, as Indian and British bank letters write them (missed before session 18).
        Hit("A/C No. 12345678901, IFSC SBIN0001234", "12345678901"),
        Hit("credit a/c 1234567890 today", "1234567890"),
        Hit("A/C: 55779911", "55779911"),
        Hit("Acc. No.: 00123456789", "00123456789"),
        Hit("Acc No 12345678", "12345678"),
        Hit("acc # 4455667788", "4455667788"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("account"),
        None("Please check my account."),
        None("account for 12345678 dollars"),
        None("access 12345678 records"),
        None("acc 12345678"),
        None("according to 12345678 readings"),
        None("the A/Cs 12345678 and more"),
        None("account balance 12345678"),
        None("the account was opened in 2019"),
        None("account: DE89 3704 0044 0532 0130 00"),
        None("La ville compte 150000 habitants."),
        None("la ciudad cuenta con 150000 habitantes"),
        None("Konto: 123456,78 EUR"),
        None("account 12345678.50"),
        None("account ID: abc12345"),
        None("order 12345678"),
        None("Kontoauszug 12345678"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("account 12345"),
        None("account 1234 56"),
        None("account 123456789012345678"),
        None("account 123456 789012 345678"),
        None("CCC: 21000418450200051333"),
        None("cuenta 2100 0418-45-0200051332"),
        None("account number 00000000"),
        None("account 4111 1111 1111 1111"),
        None("account number 4111111111111111"),
        None("account 12345678/90"),
        None("account 12345678-9X"),
        None("useraccount 12345678"),
        None("account12345678"),
    ];

    [Fact]
    public void IsSpanishCcc_AgreesWithTheReferenceCheckDigits()
    {
        Assert.Equal("45", CheckDigitReference.SpanishCccCheckDigits("21000418", "0200051332"));
        var random = new Random(20261205);
        for (var n = 0; n < 20_000; n++)
        {
            var digits = string.Concat(Enumerable.Range(0, 20).Select(_ => (char)('0' + random.Next(10))));
            var expected = CheckDigitReference.SpanishCccCheckDigits(digits[..8], digits[10..]) == digits[8..10] && digits.Distinct().Count() > 1;
            Assert.Equal(expected, BankAccountRecognizer.IsSpanishCcc(digits));

            var valid = digits[..8] + CheckDigitReference.SpanishCccCheckDigits(digits[..8], digits[10..]) + digits[10..];
            Assert.True(BankAccountRecognizer.IsSpanishCcc(valid) || valid.Distinct().Count() == 1);
        }
    }

    [Fact]
    public void FindNumbers_FindsWhatTheUnanchoredPatternFinds()
    {
        // The anchored scan from key-word hits must report exactly the unanchored pattern's numbers, whatever stands
        // around and between the key words (glued letters, "Contoso", runs of blanks, two key words in a row).
        string[] keyWords =
        [
            "account", "acct.", "Bankkonto", "Konto-Nr.", "kto.-nr.", "numéro de compte", "n°  de   compte", "compte courant",
            "rekeningnummer", "número de cuenta", "código cuenta cliente", "CCC", "numero  del   conto", "conto corrente", "Contoso", "Código Cuenta Cliente", "Nº de cuenta", "n. di conto", "Sparkonto",
        ];
        string[] fillers = ["", " ", "x", "my ", "Contoso ", "_", "2 ", "(", "kontrakt ", "account ", "\u00A0", "de "];
        string[] numbers = ["55779911", "123-456789-01", "5577 9911", "12345", "2100 0418 45 0200051332", "4111111111111111", "abc"];
        string[] separators = [" ", ": ", " # ", "", " is ", "  ", " no. ", " = "];
        var random = new Random(20261205);
        var matched = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var input = GeneratedTexts.KeyedNumbers(
                random, keyWords, fillers, separators, numbers,
                word => random.Next(6) == 0 ? word.Replace('k', '\u212A').Replace('K', '\u212A').Replace('s', '\u017F') : word);
            var expected = BankAccountRecognizer.NumberPattern().Matches(input).Select(m => (m.Groups["num"].Index, m.Groups["num"].Length)).ToList();
            var actual = BankAccountRecognizer.FindNumbers(input).Select(g => (g.Index, g.Length)).ToList();
            Assert.True(expected.SequenceEqual(actual), $"differs on: {input}");
            matched += expected.Count;
        }

        Assert.True(matched > 5_000, $"only {matched} matches: the generator no longer exercises the pattern");
    }

    [Fact]
    public void HasKeyWord_TrueWhereverTheNumberPatternMatches()
    {
        string[] keyWords =
        [
            "account", "acct", "acct.", "checking account", "kontonummer", "konto-nr.", "konto", "girokonto", "kto.-nr.", "kto",
            "numéro de compte", "n° de compte", "compte bancaire", "rekeningnummer", "rekening", "número de cuenta",
            "cuenta corriente", "numero di conto", "conto corrente", "ccc", "código cuenta cliente", "compte", "count", "kont",
        ];
        string[][] slots =
        [
            ["", " no.", " number", " nr.", " n°", " #", "#", " x"],
            [" ", ": ", " # ", "", " is ", " (UK): ", "  ", " = "],
            ["55779911", "123-456789-01", "5577 9911", "12345", "12345678901234567890", "4111111111111111", "00000000", "2100 0418 45 0200051332"],
            ["", ".", " ", "-1", "x", ",5", " 10"],
        ];

        GeneratedTexts.AssertGateOpensOnEveryMatch(
            BankAccountRecognizer.NumberPattern(), BankAccountRecognizer.HasKeyWord, keyWords, slots, seed: 20261211, count: 20_000, minMatches: 1_000);
    }
}
