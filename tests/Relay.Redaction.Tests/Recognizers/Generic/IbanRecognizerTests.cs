using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class IbanRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new IbanRecognizer();

    protected override string EntityType => EntityTypes.IbanCode;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        At("IBAN: GB82WEST12345698765432", 6, 28),
        Hit("Konto DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX", "DE89 3704 0044 0532 0130 00"),
        Hit("pay to de89370400440532013000.", "de89370400440532013000"),
        Hit("FR14 2004 1010 0505 0001 3M02 606", "FR14 2004 1010 0505 0001 3M02 606"),
        Hit("cuenta ES9121000418450200051332", "ES9121000418450200051332"),
        Hit("conto (IT60X0542811101000000123456)", "IT60X0542811101000000123456"),
        Hit("NL91ABNA0417164300 is Dutch", "NL91ABNA0417164300"),
        Hits("GB82WEST12345698765432 / DE89370400440532013000", "GB82WEST12345698765432", "DE89370400440532013000"),

        // IBANs next to other numbers with only whitespace between them.
        Hit("DE89 3704 0044 0532 0130 00 +44 20 7946 0958", "DE89 3704 0044 0532 0130 00"),
        Hit("DE89 3704 0044 0532 0130 00  020 7946 0958", "DE89 3704 0044 0532 0130 00"),
        Hit("DE89 3704 0044 0532 0130 00 4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00"),
        Hit("BE68 5390 0754 7034 1234 5678", "BE68 5390 0754 7034"),
        Hit("BE68539007547034\t4111111111111111", "BE68539007547034"),
        Hits("DE89 3704 0044 0532 0130 00 GB82 WEST 1234 5698 7654 32", "DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32"),
        Hits("DE89370400440532013000\nGB82WEST12345698765432", "DE89370400440532013000", "GB82WEST12345698765432"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no iban here"),
        None("Order AB12 shipped"),
        None("version 10.0.13"),
        None("card 4111111111111111"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("GB82WEST12345698765433"),
        None("DE89370400440532013001"),
        None("DE89 3704 0044 0532 0130 01"),
        None("DE8937040044053201300"),
        None("XX89370400440532013000"),
        None("DE89 370400440532013000 mixed grouping"),
        None("GB82WEST1234569876543210"),
    ];
}
