using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>VAT identification numbers end to end: the real analyzer with the default recognizers and the text redactor.</summary>
public sealed class VatIdRedactionTests
{
    private static readonly TestEngine Engine = new(recognizers: [.. DefaultRecognizers.Create(new RecognizerOptions())]);

    [Theory]
    [InlineData(
        "Our VAT number is DE136695976 and theirs is NL004495445B01",
        "Our VAT number is [VAT_ID_1] and theirs is [VAT_ID_2]")]
    [InlineData(
        "Rechnung an ATU13585627, n° TVA intracommunautaire FR 40 303 265 045, P.IVA IT00743110157.",
        "Rechnung an [VAT_ID_1], n° TVA intracommunautaire [VAT_ID_2], P.IVA [VAT_ID_3].")]
    [InlineData("BTW BE 0403.170.701 / VAT GB 123 4567 27", "BTW [VAT_ID_1] / VAT [VAT_ID_2]")]
    [InlineData("USt-IdNr. DE136695976, again: DE136695976", "USt-IdNr. [VAT_ID_1], again: [VAT_ID_1]")]
    public Task RedactAsync_VatIds_AreFullyRedactedAndRestoreExactly(string prompt, string expected) =>
        Engine.AssertRedactsAsync(prompt, expected);

    // Other recognizers take part of a VAT ID (the BSN in an old Dutch one, the DNI in a Spanish one) or start like one
    // (a German IBAN, DE and two digits): the whole validated VAT ID wins over the part, and an IBAN keeps its type.
    [Theory]
    [InlineData("BSN en btw: NL 004495445 B01", "BSN en btw: [VAT_ID_1]")]
    [InlineData("NIF-IVA ES 12345678Z", "NIF-IVA [VAT_ID_1]")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00, USt-IdNr. DE 136 695 976", "IBAN [IBAN_CODE_1], USt-IdNr. [VAT_ID_1]")]
    [InlineData("IBAN DE89370400440532013000", "IBAN [IBAN_CODE_1]")]
    [InlineData("Steuer-ID 86 095 742 719, USt-IdNr. DE 136695976", "Steuer-ID [DE_TAX_ID_1], USt-IdNr. [VAT_ID_1]")]
    public Task RedactAsync_VatIdNextToOrAroundOtherNumbers_KeepsEachType(string prompt, string expected) =>
        Engine.AssertRedactsAsync(prompt, expected);

    [Theory]
    [InlineData("VAT DE136695977")]
    [InlineData("plus de 136695976 euros")]
    public Task RedactAsync_FailedCheckOrNoPrefix_StaysInClear(string prompt) =>
        Engine.AssertRedactsAsync(prompt, prompt);
}
