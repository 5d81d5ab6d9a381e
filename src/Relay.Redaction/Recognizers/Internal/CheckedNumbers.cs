using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>
/// The match loop of the all-digit identifiers that are validated on their digits alone (US_SSN, US_ITIN, NL_BSN,
/// ABA_ROUTING_NUMBER, CA_SIN: nine digits; BR_CPF: eleven; BR_CNPJ: fourteen): every match of the recognizer's pattern that is not part of a larger
/// numeric expression (after <c>#</c>, before <c>.50</c>), whose digits, separators removed, pass the recognizer's rule,
/// scored by how it is written.
/// </summary>
internal static class CheckedNumbers
{
    /// <summary>Whether the digits, separators removed, are a number of the recognizer's kind.</summary>
    public delegate bool DigitsRule(ReadOnlySpan<char> digits);

    /// <summary>The score of a valid match, from the text as written (plain, dashed, dotted, spaced).</summary>
    public delegate double ScoreRule(ReadOnlySpan<char> written);

    /// <summary>Appends the valid matches of <paramref name="pattern"/>, which match <paramref name="digitCount"/> digits (at most 32) and separators.</summary>
    public static void Add(
        Regex pattern, string text, int digitCount, DigitsRule isValid, ScoreRule score, string type, string source, List<EntitySpan> results)
    {
        if (text.Length < digitCount)
        {
            return;
        }

        Span<char> digits = stackalloc char[digitCount];
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
