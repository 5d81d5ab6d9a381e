using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Country.De;

/// <summary>
/// DE_SVNR: the German Sozialversicherungsnummer (Rentenversicherungsnummer), on every German payslip: the pension
/// insurer's area number (2 digits), the date of birth (<c>DDMMYY</c>), the first letter of the birth name, a serial
/// (2 digits) and a check digit, written plain or grouped (<c>65 170839 J 003</c>, <c>65170839J003</c>). The date must
/// be one (day 01-31, or 51-81 when a day's serials ran out; month 01-12), and the check digit must hold: weights 2, 1,
/// 2, 5, 7, 1, 2, 1, 2, 1, 2, 1 over the twelve digits with the letter as two (<see cref="DigitSumCheck"/>). One
/// random number in ten passes the check: <see cref="RecognizerScores.WeakChecksum"/>.
/// </summary>
internal sealed partial class SocialSecurityNumberRecognizer : IRecognizer
{
    private static readonly int[] Weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];

    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.DeSvnr];

    public IReadOnlyList<string> Context { get; } =
        ["sozialversicherungsnummer", "sozialversicherungs-nr", "sv-nummer", "sv-nr", "svnr", "rentenversicherungsnummer", "rv-nummer", "versicherungsnummer", "sozialversicherung"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        Span<char> compact = stackalloc char[12];
        foreach (var match in NumberPattern().EnumerateMatches(text))
        {
            var n = 0;
            foreach (var c in text.AsSpan(match.Index, match.Length))
            {
                if (c != ' ')
                {
                    compact[n++] = c;
                }
            }

            if (n == compact.Length && IsValid(compact))
            {
                results.Add(new EntitySpan(
                    EntityTypes.DeSvnr, match.Index, match.Index + match.Length, RecognizerScores.WeakChecksum, nameof(SocialSecurityNumberRecognizer)));
            }
        }
    }

    /// <summary>Whether the twelve characters (8 digits, a letter, 3 digits) hold a date of birth and their check digit.</summary>
    internal static bool IsValid(ReadOnlySpan<char> number)
    {
        var day = ((number[2] - '0') * 10) + (number[3] - '0');
        var month = ((number[4] - '0') * 10) + (number[5] - '0');
        return number[..2] is not "00" && (day is >= 1 and <= 31 || day is >= 51 and <= 81) && month is >= 1 and <= 12
            && DigitSumCheck.Mod10(number[..11], Weights) == number[11] - '0';
    }

    /// <summary>Area and birth date, letter, serial and check digit, single blanks allowed between the groups, as a whole token.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])[0-9]{2} ?[0-9]{6} ?[A-Z] ?[0-9]{2} ?[0-9](?![\p{L}\p{N}_])",
        RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex NumberPattern();
}
