using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>
/// The nine-digit numbers the SSA and the IRS print as <c>AAA-GG-SSSS</c> (US_SSN, US_ITIN): the scoring their
/// recognizers share, over <see cref="CheckedNumbers"/>' match loop; each kind checks its own digits. Neither has a check digit, so the score follows the format: dashed
/// <see cref="RecognizerScores.Structural"/>, spaced <see cref="RecognizerScores.Formatted"/>, plain nine digits
/// <see cref="RecognizerScores.ShapeOnly"/> (below the default threshold: it needs a context word nearby).
/// </summary>
internal static class AreaGroupSerial
{
    /// <summary>
    /// Appends every match of <paramref name="pattern"/> (three, two and four digits, one separator throughout, as a
    /// whole token) whose digits pass <paramref name="isValid"/>.
    /// </summary>
    public static void Add(Regex pattern, string text, CheckedNumbers.DigitsRule isValid, string type, string source, List<EntitySpan> results) =>
        CheckedNumbers.Add(pattern, text, 9, isValid, Score, type, source, results);

    private static double Score(ReadOnlySpan<char> written) =>
        written.Length == 9 ? RecognizerScores.ShapeOnly
            : written[3] == '-' ? RecognizerScores.Structural
            : RecognizerScores.Formatted;
}
