using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>
/// Bank details end to end (sort codes, account and routing numbers): the real analyzer with the default recognizers
/// and the text redactor.
/// </summary>
public sealed class BankDetailsRedactionTests
{
    private static readonly TestEngine Engine = new(recognizers: [.. DefaultRecognizers.Create(new RecognizerOptions())]);

    [Theory]
    [InlineData("Sort code 20-00-00, account number 55779911", "Sort code [UK_SORT_CODE_1], account number [BANK_ACCOUNT_1]")]
    [InlineData(
        "Routing number 021000021 account 123456789012", "Routing number [ABA_ROUTING_NUMBER_1] account [BANK_ACCOUNT_1]")]
    [InlineData(
        "Bitte überweisen: Kontonummer 0532013000. Pay 55779911 (account: 55779911).",
        "Bitte überweisen: Kontonummer [BANK_ACCOUNT_1]. Pay [BANK_ACCOUNT_2] (account: [BANK_ACCOUNT_2]).")]
    public Task RedactAsync_BankDetails_AreFullyRedactedAndRestoreExactly(string prompt, string expected) =>
        Engine.AssertRedactsAsync(prompt, expected);

    // 302099104 passes the ABA checksum, the SSA rules and the elfproef, and PHONE_NUMBER may read nine bare digits
    // too: each scores it 0.4, so nothing is redacted without a context word, and the context word before it names the
    // type ("abandoned" and "transition" are none). The dashed routing form is no other type's and passes alone.
    [Theory]
    [InlineData("routing number 302099104", "routing number [ABA_ROUTING_NUMBER_1]")]
    [InlineData("SSN 302099104", "SSN [US_SSN_1]")]
    [InlineData("BSN 302099104", "BSN [NL_BSN_1]")]
    [InlineData("account 302099104", "account [BANK_ACCOUNT_1]")]
    [InlineData("ticket 302099104", "ticket 302099104")]
    [InlineData("bank routing: 021000021", "bank routing: [ABA_ROUTING_NUMBER_1]")]
    [InlineData("ABA 021000021", "ABA [ABA_ROUTING_NUMBER_1]")]
    [InlineData("RTN: 021000021", "RTN: [ABA_ROUTING_NUMBER_1]")]
    [InlineData("transit number 021000021", "transit number [ABA_ROUTING_NUMBER_1]")]
    [InlineData("ABA#: 021000021", "ABA#: [ABA_ROUTING_NUMBER_1]")]
    [InlineData("Order 021000021 shipped", "Order 021000021 shipped")]
    [InlineData("abandoned 021000021", "abandoned 021000021")]
    [InlineData("transition 021000021", "transition 021000021")]
    [InlineData("routing 0210-0002-1", "routing [ABA_ROUTING_NUMBER_1]")]
    [InlineData("ref 0210-0002-1", "ref [ABA_ROUTING_NUMBER_1]")]
    public Task RedactAsync_NineDigitsEveryRecognizerCanClaim_TakeTheTypeTheirContextNames(string prompt, string expected) =>
        Engine.AssertRedactsAsync(prompt, expected);

    [Theory]
    [InlineData("account number 4111 1111 1111 1111", "account number [CREDIT_CARD_1]")]
    [InlineData("bank account number 4111111111111111", "bank account number [CREDIT_CARD_1]")]
    [InlineData("Konto: DE89 3704 0044 0532 0130 00", "Konto: [IBAN_CODE_1]")]
    public Task RedactAsync_CardOrIbanAfterAnAccountKeyWord_KeepsItsOwnType(string prompt, string expected) =>
        Engine.AssertRedactsAsync(prompt, expected);
}
