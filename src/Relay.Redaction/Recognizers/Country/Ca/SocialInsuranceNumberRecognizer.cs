using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Country.Ca;

/// <summary>
/// CA_SIN: the Canadian Social Insurance Number (numéro d'assurance sociale, NAS), nine digits written in groups of three
/// (<c>130 256 787</c>, <c>130-256-787</c>, one separator throughout) or plain, that pass the Luhn check. The first digit
/// is the province of registration or 9 for temporary residents: 0 is kept for fictitious numbers (the government's
/// sample <c>046 454 286</c>) and 8 is not assigned, so neither is taken. One random nine-digit number in ten passes
/// Luhn, and phone, order and invoice numbers have both shapes, so the grouped writing scores
/// <see cref="RecognizerScores.ShapeOnly"/> and nine plain digits <see cref="RecognizerScores.Informational"/>: a
/// context word before it (SIN, social insurance, NAS, assurance sociale) lifts either over the default threshold.
/// </summary>
internal sealed partial class SocialInsuranceNumberRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.CaSin];

    /// <summary>
    /// "sin#", "sins#" and "nas#" are phrases, so they match whole words only: SIN, not "since" or "single"; NAS, not
    /// "NASA". The two phrases cover "social insurance number" and "numéro d'assurance sociale".
    /// </summary>
    public IReadOnlyList<string> Context { get; } = ["sin#", "sins#", "social insurance", "nas#", "assurance sociale"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        CheckedNumbers.Add(NumberPattern(), text, 9, IsValid, Score, EntityTypes.CaSin, nameof(SocialInsuranceNumberRecognizer), results);
    }

    private static double Score(ReadOnlySpan<char> written) =>
        written.Length == 9 ? RecognizerScores.Informational : RecognizerScores.ShapeOnly;

    /// <summary>A first digit the government assigns (not 0, not 8) and the Luhn check over all nine.</summary>
    internal static bool IsValid(ReadOnlySpan<char> d) => d[0] is not ('0' or '8') && Luhn.IsValid(d);

    /// <summary>
    /// Nine digits, plain or 3-3-3 joined by one blank or dash throughout, as a whole token; blank-joined groups not
    /// inside a longer chain of them (<c>123 130 256 787</c> is one number).
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])(?:(?<![0-9] )[0-9]{3} [0-9]{3} [0-9]{3}(?! [0-9])|[0-9]{3}-[0-9]{3}-[0-9]{3}|[0-9]{9})(?![\p{L}\p{N}_])",
        RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex NumberPattern();
}
