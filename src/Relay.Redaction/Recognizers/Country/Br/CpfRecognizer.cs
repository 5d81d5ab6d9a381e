using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Country.Br;

/// <summary>
/// BR_CPF: the Brazilian Cadastro de Pessoas Físicas, the taxpayer number of every person in Brazil, on payslips,
/// invoices and contracts: nine digits and two check digits (<see cref="BrazilianMod11"/>, weights 10..2, then 11..2),
/// printed <c>123.456.789-09</c> or plain. One digit repeated (<c>111.111.111-11</c>) passes the arithmetic but is never
/// issued. One random number in a hundred passes both check digits, and the dotted writing is the CPF's own, so it
/// scores <see cref="RecognizerScores.Checksum"/>; eleven plain digits (a Brazilian or Chinese mobile number, an order
/// number) <see cref="RecognizerScores.ShapeOnly"/>, which a context word (CPF, cadastro de pessoas físicas) lifts.
/// </summary>
internal sealed partial class CpfRecognizer : IRecognizer
{
    private static readonly int[] Weights = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.BrCpf];

    public IReadOnlyList<string> Context { get; } = ["cpf", "cadastro de pessoas físicas", "cadastro de pessoa física"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        CheckedNumbers.Add(NumberPattern(), text, 11, IsValid, Score, EntityTypes.BrCpf, nameof(CpfRecognizer), results);
    }

    private static double Score(ReadOnlySpan<char> written) =>
        written.Length == 11 ? RecognizerScores.ShapeOnly : RecognizerScores.Checksum;

    /// <summary>Whether the eleven digits hold both check digits and are not one digit repeated.</summary>
    internal static bool IsValid(ReadOnlySpan<char> d) => d.ContainsAnyExcept(d[0]) && BrazilianMod11.HasCheckDigits(d, Weights);

    /// <summary>Eleven digits, plain or dotted 3.3.3-2, as a whole token.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])(?:[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{2}|[0-9]{11})(?![\p{L}\p{N}_])",
        RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex NumberPattern();
}
