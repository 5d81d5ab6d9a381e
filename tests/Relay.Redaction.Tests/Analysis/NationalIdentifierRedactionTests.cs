using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>
/// National identifiers that need their context word end to end: the real analyzer with the default recognizers and
/// the text redactor, so the context boost, the threshold and the overlaps with other types are what a prompt gets.
/// </summary>
public sealed class NationalIdentifierRedactionTests
{
    private static readonly TestEngine Engine = new(recognizers: [.. DefaultRecognizers.Create(new RecognizerOptions())]);

    // A Luhn-valid SIN scores 0.4 grouped and 0.3 plain: only a context word among the five words before it lifts it
    // over the threshold (0.75, 0.65). Where a configured phone region reads the nine digits as a valid number
    // (645 258 674 is a Spanish mobile number) PHONE_NUMBER's 0.85 wins, with or without the context word, and after
    // "social insurance number" the dashed number is INSURANCE_NUMBER's (a key word, 0.85 lifted to 1.0): redacted
    // either way, the placeholder's type differs.
    [Theory]
    [InlineData("SIN: 130 256 787", "SIN: [CA_SIN_1]")]
    [InlineData("Social insurance number 130 256 787", "Social insurance number [CA_SIN_1]")]
    [InlineData("numéro d'assurance sociale : 234-567-899", "numéro d'assurance sociale : [CA_SIN_1]")]
    [InlineData("NAS 712345677", "NAS [CA_SIN_1]")]
    [InlineData("SINs: 130 256 787 and 234 567 899", "SINs: [CA_SIN_1] and [CA_SIN_2]")]
    [InlineData("order 130 256 787 shipped", "order 130 256 787 shipped")]
    [InlineData("130 256 787", "130 256 787")]
    [InlineData("since 130 256 787", "since 130 256 787")]
    [InlineData("NASA 130 256 787", "NASA 130 256 787")]
    [InlineData("SIN: 130 256 788", "SIN: 130 256 788")]
    [InlineData("SIN: 645 258 674", "SIN: [PHONE_NUMBER_1]")]
    [InlineData("645 258 674", "[PHONE_NUMBER_1]")]
    [InlineData("social insurance number: 130-256-787", "social insurance number: [INSURANCE_NUMBER_1]")]
    public Task RedactAsync_CanadianSin_RedactedOnlyWithItsContextWord(string prompt, string expected) =>
        Engine.AssertRedactsAsync(prompt, expected);

    // The dotted CPF with both check digits is redacted alone (1.0); eleven plain digits (0.4) only after a context word.
    [Theory]
    [InlineData("CPF 529.982.247-25", "CPF [BR_CPF_1]")]
    [InlineData("locatário 529.982.247-25, fiador 111.444.777-35", "locatário [BR_CPF_1], fiador [BR_CPF_2]")]
    [InlineData("CPF/MF nº 11144477735", "CPF/MF nº [BR_CPF_1]")]
    [InlineData("cadastro de pessoas físicas: 11144477735", "cadastro de pessoas físicas: [BR_CPF_1]")]
    [InlineData("pedido 11144477735", "pedido 11144477735")]
    [InlineData("CPF 111.111.111-11", "CPF 111.111.111-11")]
    [InlineData("CPF 529.982.247-26", "CPF 529.982.247-26")]
    public Task RedactAsync_BrazilianCpf_DottedAloneAndPlainWithItsContextWord(string prompt, string expected) =>
        Engine.AssertRedactsAsync(prompt, expected);

    // The same for the CNPJ: printed 2.3.3/4-2 alone (1.0), fourteen plain digits (0.4) only after a context word.
    [Theory]
    [InlineData("CNPJ 11.222.333/0001-81", "CNPJ [BR_CNPJ_1]")]
    [InlineData("locadora 12.345.678/0001-95, locatário 529.982.247-25", "locadora [BR_CNPJ_1], locatário [BR_CPF_1]")]
    [InlineData("CNPJ/MF nº 11222333000181", "CNPJ/MF nº [BR_CNPJ_1]")]
    [InlineData("pedido 11222333000181", "pedido 11222333000181")]
    [InlineData("CNPJ 00.000.000/0000-00", "CNPJ 00.000.000/0000-00")]
    [InlineData("CNPJ 11.222.333/0001-82", "CNPJ 11.222.333/0001-82")]
    public Task RedactAsync_BrazilianCnpj_PrintedAloneAndPlainWithItsContextWord(string prompt, string expected) =>
        Engine.AssertRedactsAsync(prompt, expected);
}
