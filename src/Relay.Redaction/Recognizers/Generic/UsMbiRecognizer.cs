using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// US_MBI: the Medicare Beneficiary Identifier on every US Medicare card since 2018 (it replaced the SSN-based HICN), a
/// HIPAA health-plan beneficiary number. Eleven characters in the positions CMS fixes: a digit 1-9; a letter; a letter
/// or digit; a digit; a letter; a letter or digit; a digit; two letters; two digits (<c>1EG4-TE5-MK73</c>, CMS's
/// example). The letters leave out S, L, O, I, B and Z. Cards and letters print it with dashes after the fourth and
/// seventh characters. There is no check character: the dashed writing scores <see cref="RecognizerScores.Formatted"/>,
/// the plain one <see cref="RecognizerScores.ShapeOnly"/> (an 11-character code in capitals can be anything; a context
/// word such as Medicare or MBI before it lifts it).
/// </summary>
internal sealed partial class UsMbiRecognizer : IRecognizer
{
    /// <summary>The letters CMS uses: A-Z without S, L, O, I, B and Z.</summary>
    private const string Letter = "[AC-HJKMNP-RT-Y]";

    private const string LetterOrDigit = "[AC-HJKMNP-RT-Y0-9]";

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.UsMbi];

    public IReadOnlyList<string> Context { get; } = ["medicare", "mbi", "beneficiary", "cms", "medicare number", "medicare id"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        foreach (var match in MbiPattern().EnumerateMatches(text))
        {
            var score = match.Length == 13 ? RecognizerScores.Formatted : RecognizerScores.ShapeOnly;
            results.Add(new EntitySpan(EntityTypes.UsMbi, match.Index, match.Index + match.Length, score, nameof(UsMbiRecognizer)));
        }
    }

    /// <summary>The eleven positions, plain or with a dash after the fourth and the seventh (both or neither), as a whole token.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_-])[1-9]" + Letter + LetterOrDigit + "[0-9](?:" + Letter + LetterOrDigit + "[0-9]|-" + Letter + LetterOrDigit + "[0-9]-)"
        + Letter + Letter + "[0-9]{2}(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])",
        RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex MbiPattern();
}
