using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Country.Uk;

/// <summary>
/// UK_NHS: ten digits, written 3-3-4 with spaces or dashes or plain, whose last digit is the NHS mod-11 check digit
/// (weights 10..2; 11 becomes 0; a remainder giving 10 is never issued). Grouped numbers score
/// <see cref="RecognizerScores.Checksum"/>; a bare ten-digit run, which one random number in eleven passes, scores
/// <see cref="RecognizerScores.WeakChecksum"/>.
/// </summary>
internal sealed partial class NhsNumberRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.UkNhs];

    public IReadOnlyList<string> Context { get; } = ["nhs", "nhs number", "health", "patient", "nhs no"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        Span<char> digits = stackalloc char[10];
        foreach (var match in NhsPattern().EnumerateMatches(text))
        {
            var end = match.Index + match.Length;
            if (TextBoundary.IsInsideNumericExpression(text, match.Index, end))
            {
                continue;
            }

            DigitBuffer.Collect(text.AsSpan(match.Index, match.Length), digits);
            if (IsValid(digits))
            {
                var score = match.Length == 10 ? RecognizerScores.WeakChecksum : RecognizerScores.Checksum;
                results.Add(new EntitySpan(EntityTypes.UkNhs, match.Index, end, score, nameof(NhsNumberRecognizer)));
            }
        }
    }

    internal static bool IsValid(ReadOnlySpan<char> d)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (d[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == d[9] - '0' && d.ContainsAnyExcept(d[0]);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[0-9]{3}([ -]?)[0-9]{3}\1[0-9]{4}(?![\p{L}\p{N}_])", RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex NhsPattern();
}
