using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>
/// The match loop of the nine-digit identifiers (US_SSN, US_ITIN, NL_BSN, ABA_ROUTING_NUMBER, CA_SIN): every match of the
/// recognizer's pattern that is not part of a larger numeric expression (after <c>#</c>, before <c>.50</c>), whose
/// nine digits, separators removed, pass the recognizer's rule, scored by how it is written.
/// </summary>
internal static class NineDigitNumbers
{
    /// <summary>Whether nine digits, separators removed, are a number of the recognizer's kind.</summary>
    public delegate bool DigitsRule(ReadOnlySpan<char> digits);

    /// <summary>The score of a valid match, from the text as written (plain, dashed, dotted, spaced).</summary>
    public delegate double ScoreRule(ReadOnlySpan<char> written);

    public static void Add(
        Regex pattern, string text, DigitsRule isValid, ScoreRule score, string type, string source, List<EntitySpan> results)
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

            var written = text.AsSpan(start, match.Length);
            DigitBuffer.Collect(written, digits);
            if (isValid(digits))
            {
                results.Add(new EntitySpan(type, start, end, score(written), source));
            }
        }
    }
}
