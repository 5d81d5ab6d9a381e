using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Country.Uk;

/// <summary>
/// UK_NINO: National Insurance number <c>AB 12 34 56 C</c> (spaces optional, either case). HMRC prefix rules: first
/// letter not D, F, I, Q, U or V; second letter not D, F, I, O, Q, U or V; prefixes BG, GB, NK, KN, TN, NT and ZZ are
/// never issued; the suffix is A-D. No check character exists: scored <see cref="RecognizerScores.Structural"/>.
/// </summary>
internal sealed class NinoRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.UkNino];

    public IReadOnlyList<string> Context { get; } = ["national insurance", "nino", "ni number", "ni no", "insurance number"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        // Anchor on digits (vectorized search), then look back for the two prefix letters.
        var i = text.AsSpan().IndexOfAnyInRange('0', '9');
        while (i >= 0)
        {
            var start = i >= 2 && text[i - 1] != ' ' ? i - 2 : i - 3;
            var end = start >= 0 ? MatchAt(text, start) : -1;
            if (end > 0)
            {
                results.Add(new EntitySpan(EntityTypes.UkNino, start, end, RecognizerScores.Structural, nameof(NinoRecognizer)));
            }

            // Continue after this digit run (a number has one prefix only).
            var next = Math.Max(end, i);
            while (next < text.Length && char.IsAsciiDigit(text[next]))
            {
                next++;
            }

            var offset = next < text.Length ? text.AsSpan(next).IndexOfAnyInRange('0', '9') : -1;
            i = offset < 0 ? -1 : next + offset;
        }
    }

    /// <summary>Matches <c>LL[ ]dd[ ]dd[ ]dd[ ]S</c> at <paramref name="start"/> with word boundaries; returns the end or -1.</summary>
    private static int MatchAt(string text, int start)
    {
        if ((start > 0 && TextBoundary.IsWordChar(text[start - 1])) || start + 9 > text.Length
            || !char.IsAsciiLetter(text[start]) || !char.IsAsciiLetter(text[start + 1])
            || !IsValidPrefix(char.ToUpperInvariant(text[start]), char.ToUpperInvariant(text[start + 1])))
        {
            return -1;
        }

        var j = start + 2;
        for (var pair = 0; pair < 3; pair++)
        {
            if (j < text.Length && text[j] == ' ')
            {
                j++;
            }

            if (j + 2 > text.Length || !char.IsAsciiDigit(text[j]) || !char.IsAsciiDigit(text[j + 1]))
            {
                return -1;
            }

            j += 2;
        }

        if (j < text.Length && text[j] == ' ')
        {
            j++;
        }

        if (j >= text.Length || char.ToUpperInvariant(text[j]) is not ('A' or 'B' or 'C' or 'D'))
        {
            return -1;
        }

        j++;
        return j < text.Length && TextBoundary.IsWordChar(text[j]) ? -1 : j;
    }

    internal static bool IsValidPrefix(char first, char second)
    {
        if (first is 'D' or 'F' or 'I' or 'Q' or 'U' or 'V' || second is 'D' or 'F' or 'I' or 'O' or 'Q' or 'U' or 'V')
        {
            return false;
        }

        return (first, second) is not (('B', 'G') or ('G', 'B') or ('N', 'K') or ('K', 'N') or ('T', 'N') or ('N', 'T') or ('Z', 'Z'));
    }
}
