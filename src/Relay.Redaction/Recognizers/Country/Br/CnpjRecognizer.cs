using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Country.Br;

/// <summary>
/// BR_CNPJ: the Brazilian Cadastro Nacional da Pessoa Jurídica, the taxpayer number of a company or a sole trader
/// (whose CNPJ identifies a person, as LGPD counts it), on invoices and contracts: eight digits for the company, four
/// for the branch and two check digits (<see cref="BrazilianMod11"/>, weights 5..2, 9..2, then 6..2, 9..2), printed
/// <c>11.222.333/0001-81</c> or plain. One digit repeated (<c>00.000.000/0000-00</c>) passes the arithmetic but is
/// never issued. Like <see cref="CpfRecognizer"/>: the printed writing scores <see cref="RecognizerScores.Checksum"/>,
/// fourteen plain digits (a timestamp, a GTIN-14, an order number) <see cref="RecognizerScores.ShapeOnly"/>, which a
/// context word (CNPJ) lifts.
/// </summary>
internal sealed partial class CnpjRecognizer : IRecognizer
{
    private static readonly int[] Weights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.BrCnpj];

    public IReadOnlyList<string> Context { get; } = ["cnpj", "cadastro nacional da pessoa jurídica"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        CheckedNumbers.Add(NumberPattern(), text, 14, IsValid, Score, EntityTypes.BrCnpj, nameof(CnpjRecognizer), results);
    }

    private static double Score(ReadOnlySpan<char> written) =>
        written.Length == 14 ? RecognizerScores.ShapeOnly : RecognizerScores.Checksum;

    /// <summary>Whether the fourteen digits hold both check digits and are not one digit repeated.</summary>
    internal static bool IsValid(ReadOnlySpan<char> d) => d.ContainsAnyExcept(d[0]) && BrazilianMod11.HasCheckDigits(d, Weights);

    /// <summary>Fourteen digits, plain or printed 2.3.3/4-2, as a whole token.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])(?:[0-9]{2}\.[0-9]{3}\.[0-9]{3}/[0-9]{4}-[0-9]{2}|[0-9]{14})(?![\p{L}\p{N}_])",
        RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex NumberPattern();
}
