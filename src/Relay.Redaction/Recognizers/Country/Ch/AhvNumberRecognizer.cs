using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Country.Ch;

/// <summary>
/// CH_AHV: the Swiss social insurance number (AHV-Nummer, numéro AVS, numero AVS), on every Swiss payslip and health
/// insurance card: thirteen digits starting with 756 (the country code), the last an EAN-13 check digit, printed
/// <c>756.9217.0769.85</c> or plain. The dotted writing with its check scores <see cref="RecognizerScores.Checksum"/>;
/// thirteen plain digits <see cref="RecognizerScores.WeakChecksum"/> (no GS1 barcode starts with 756, but one random
/// number in ten passes the check).
/// </summary>
internal sealed partial class AhvNumberRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.ChAhv];

    public IReadOnlyList<string> Context { get; } = ["ahv", "ahv-nr", "ahv-nummer", "avs", "navs", "sozialversicherungsnummer", "versichertennummer", "assurance sociale"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        Span<char> digits = stackalloc char[13];
        foreach (var match in NumberPattern().EnumerateMatches(text))
        {
            var end = match.Index + match.Length;
            if (TextBoundary.IsInsideNumericExpression(text, match.Index, end))
            {
                continue;
            }

            DigitBuffer.Collect(text.AsSpan(match.Index, match.Length), digits);
            if (IsValid(digits))
            {
                var score = match.Length == 13 ? RecognizerScores.WeakChecksum : RecognizerScores.Checksum;
                results.Add(new EntitySpan(EntityTypes.ChAhv, match.Index, end, score, nameof(AhvNumberRecognizer)));
            }
        }
    }

    /// <summary>Whether the thirteen digits hold their EAN-13 check digit (weights 1, 3, 1, 3, ... from the left).</summary>
    internal static bool IsValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        return (10 - (sum % 10)) % 10 == digits[12] - '0';
    }

    /// <summary><c>756</c> and ten digits, plain or dotted 3-4-4-2, as a whole token.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])756(?:\.[0-9]{4}\.[0-9]{4}\.[0-9]{2}|[0-9]{10})(?![\p{L}\p{N}_])",
        RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex NumberPattern();
}
