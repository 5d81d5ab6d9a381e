using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.Br;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.Br;

/// <summary>The often-quoted <c>11.222.333/0001-81</c> and numbers whose two check digits an independent implementation (Python) computed.</summary>
public sealed class CnpjRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new CnpjRecognizer();

    protected override string EntityType => EntityTypes.BrCnpj;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("CNPJ 11.222.333/0001-81 da locadora", "11.222.333/0001-81"),
        Hit("Razão social: Exemplo Ltda., CNPJ: 12.345.678/0001-95.", "12.345.678/0001-95"),
        Hit("(33.592.120/0001-84)", "33.592.120/0001-84"),
        Hit("CNPJ nº 04712345000129", "04712345000129", 0.4, 0.4),
        Hits("60.574.681/0001-23 e 11.222.333/0001-81", "60.574.681/0001-23", "11.222.333/0001-81"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no number here"),
        None("CNPJ 00.000.000/0000-00"), // passes the arithmetic, never issued
        None("11.222.333.0001-81"),
        None("pedido #11222333000181"),
        None("11.222.333/0001-81/2"),
        None("CPF 529.982.247-25"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("11.222.333/0001-82"), // second check digit off by one
        None("11.222.333/0001-91"), // first check digit off by one
        None("11.222.333/0010-81"), // two digits swapped
        None("11.222.333/0001-8"),
        None("1122233300018"),
        None("112223330001811"),
    ];
}
