using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Country.Uk;

/// <summary>
/// UK_NINO: National Insurance number <c>AB 12 34 56 C</c> (spaces optional, either case). HMRC prefix rules: first
/// letter not D, F, I, Q, U or V; second letter not D, F, I, O, Q, U or V; prefixes BG, GB, NK, KN, TN, NT and ZZ are
/// never issued; the suffix is A-D. No check character exists: scored <see cref="RecognizerScores.Structural"/>.
/// </summary>
internal sealed partial class NinoRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.UkNino];

    public IReadOnlyList<string> Context { get; } = ["national insurance", "nino", "ni number", "ni no", "insurance number"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        foreach (var match in NinoPattern().EnumerateMatches(text))
        {
            if (IsValidPrefix(char.ToUpperInvariant(text[match.Index]), char.ToUpperInvariant(text[match.Index + 1])))
            {
                results.Add(new EntitySpan(EntityTypes.UkNino, match.Index, match.Index + match.Length, RecognizerScores.Structural, nameof(NinoRecognizer)));
            }
        }
    }

    internal static bool IsValidPrefix(char first, char second)
    {
        if (first is 'D' or 'F' or 'I' or 'Q' or 'U' or 'V' || second is 'D' or 'F' or 'I' or 'O' or 'Q' or 'U' or 'V')
        {
            return false;
        }

        return (first, second) is not (('B', 'G') or ('G', 'B') or ('N', 'K') or ('K', 'N') or ('T', 'N') or ('N', 'T') or ('Z', 'Z'));
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[A-Za-z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-Da-d](?![\p{L}\p{N}_])", RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex NinoPattern();
}
