using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Country.Br;

namespace StealthRelay.Redaction.Tests.Recognizers.Country.Br;

/// <summary>The often-quoted <c>123.456.789-09</c> and numbers whose two check digits an independent implementation (Python) computed.</summary>
public sealed class CpfRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new CpfRecognizer();

    protected override string EntityType => EntityTypes.BrCpf;

    protected override (double Min, double Max) DefaultScore => (1.0, 1.0);

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("CPF 529.982.247-25 do locatário", "529.982.247-25"),
        Hit("Nome: Ana, CPF: 123.456.789-09.", "123.456.789-09"),
        Hit("(935.411.347-80)", "935.411.347-80"),
        Hit("CPF/MF nº 11144477735", "11144477735", 0.4, 0.4),
        Hits("390.533.447-05 e 048.012.345-42", "390.533.447-05", "048.012.345-42"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no number here"),
        None("CPF 111.111.111-11"), // passes the arithmetic, never issued
        None("000.000.000-00"),
        None("99999999999"),
        None("529.982.247.25"),
        None("pedido #52998224725"),
        None("1.529.982.247-25"),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("529.982.247-26"), // second check digit off by one
        None("529.982.247-35"), // first check digit off by one
        None("529.982.274-25"), // two digits swapped
        None("529.982.247-2"),
        None("5299822472"),
        None("529982247250"),
    ];
}
