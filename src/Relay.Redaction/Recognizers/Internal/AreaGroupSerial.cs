using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>
/// The nine-digit numbers the SSA and the IRS print as <c>AAA-GG-SSSS</c> (US_SSN, US_ITIN): the match loop their
/// recognizers share. A match inside a larger numeric expression (after <c>#</c>, before <c>.50</c>) is skipped, and
/// each kind checks its own digits. Neither has a check digit, so the score follows the format: dashed
/// <see cref="RecognizerScores.Structural"/>, spaced <see cref="RecognizerScores.Formatted"/>, plain nine digits
/// <see cref="RecognizerScores.ShapeOnly"/> (below the default threshold: it needs a context word nearby).
/// </summary>
internal static class AreaGroupSerial
{
    /// <summary>Whether nine digits, separators removed, are a number of the recognizer's kind.</summary>
    public delegate bool DigitsRule(ReadOnlySpan<char> digits);

    /// <summary>
    /// Appends every match of <paramref name="pattern"/> (three, two and four digits, one separator throughout, as a
    /// whole token) whose digits pass <paramref name="isValid"/>.
    /// </summary>
    public static void Add(Regex pattern, string text, DigitsRule isValid, string type, string source, List<EntitySpan> results)
    {
        if (text.Length < 9)
        {
            return;
        }

        Span<char> digits = stackalloc char[9];
        foreach (var match in pattern.EnumerateMatches(text))
        {
            var start = match.Index;
            var end = start + match.Length;
            if (TextBoundary.IsInsideNumericExpression(text, start, end))
            {
                continue;
            }

            var value = text.AsSpan(start, match.Length);
            DigitBuffer.Collect(value, digits);
            if (!isValid(digits))
            {
                continue;
            }

            var score = value.Length == 9 ? RecognizerScores.ShapeOnly
                : value[3] == '-' ? RecognizerScores.Structural
                : RecognizerScores.Formatted;
            results.Add(new EntitySpan(type, start, end, score, source));
        }
    }
}
