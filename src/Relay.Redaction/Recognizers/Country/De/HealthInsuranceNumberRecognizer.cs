using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Country.De;

/// <summary>
/// DE_KVNR: the German Krankenversichertennummer, the lifelong part printed on every health card (eGK): a letter and
/// nine digits, the last the check digit (weights 1, 2, 1, 2, ... over the letter as two digits and the next eight,
/// <see cref="DigitSumCheck"/>; <c>X110411675</c>). A letter and nine digits is also the shape of order and product
/// numbers, and one in ten passes the check, so a number alone scores <see cref="RecognizerScores.ShapeOnly"/>, below
/// the threshold: a context word before it (Versichertennummer, KVNR, Krankenkasse, eGK, ...) lifts it.
/// </summary>
internal sealed partial class HealthInsuranceNumberRecognizer : IRecognizer
{
    private static readonly int[] Weights = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2];

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.DeKvnr];

    public IReadOnlyList<string> Context { get; } =
        ["versichertennummer", "krankenversichertennummer", "versicherten-nr", "versicherten-id", "kvnr", "krankenkasse", "krankenversicherung", "gesundheitskarte", "versichertenkarte", "egk"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        foreach (var match in NumberPattern().EnumerateMatches(text))
        {
            if (IsValid(text.AsSpan(match.Index, match.Length)))
            {
                results.Add(new EntitySpan(
                    EntityTypes.DeKvnr, match.Index, match.Index + match.Length, RecognizerScores.ShapeOnly, nameof(HealthInsuranceNumberRecognizer)));
            }
        }
    }

    /// <summary>Whether the letter and nine digits hold their check digit.</summary>
    internal static bool IsValid(ReadOnlySpan<char> number) =>
        number.Length == 10 && DigitSumCheck.Mod10(number[..9], Weights) == number[9] - '0';

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[A-Z][0-9]{9}(?![\p{L}\p{N}_])", RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex NumberPattern();
}
