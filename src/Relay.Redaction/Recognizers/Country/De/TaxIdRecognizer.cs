using System.Text.RegularExpressions;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Country.De;

/// <summary>
/// DE_TAX_ID: the Steuerliche Identifikationsnummer, 11 digits (<c>12 345 678 901</c> or plain), first digit not 0.
/// In the first ten digits exactly one digit appears two or three times (three times never in three adjacent
/// places) and every other digit at most once; the last digit is the ISO 7064 MOD 11,10 check digit. Grouped numbers
/// score <see cref="RecognizerScores.Checksum"/>, a bare 11-digit run <see cref="RecognizerScores.WeakChecksum"/>.
/// </summary>
internal sealed partial class TaxIdRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.DeTaxId];

    public IReadOnlyList<string> Context { get; } = ["steuer", "steuer-id", "steueridentifikationsnummer", "steuer-idnr", "idnr", "identifikationsnummer", "tax id", "tin"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        Span<char> digits = stackalloc char[11];
        foreach (var match in TaxIdPattern().EnumerateMatches(text))
        {
            var end = match.Index + match.Length;
            if (TextBoundary.IsInsideNumericExpression(text, match.Index, end))
            {
                continue;
            }

            DigitBuffer.Collect(text.AsSpan(match.Index, match.Length), digits);
            if (IsValid(digits))
            {
                var score = match.Length == 11 ? RecognizerScores.WeakChecksum : RecognizerScores.Checksum;
                results.Add(new EntitySpan(EntityTypes.DeTaxId, match.Index, end, score, nameof(TaxIdRecognizer)));
            }
        }
    }

    internal static bool IsValid(ReadOnlySpan<char> d)
    {
        if (d.Length != 11 || d[0] == '0' || !HasValidRepetition(d[..10]))
        {
            return false;
        }

        return ComputeCheckDigit(d[..10]) == d[10] - '0';
    }

    /// <summary>ISO 7064 MOD 11,10.</summary>
    internal static int ComputeCheckDigit(ReadOnlySpan<char> first10)
    {
        var product = 10;
        foreach (var c in first10)
        {
            var sum = ((c - '0') + product) % 10;
            if (sum == 0)
            {
                sum = 10;
            }

            product = (sum * 2) % 11;
        }

        var check = 11 - product;
        return check == 10 ? 0 : check;
    }

    private static bool HasValidRepetition(ReadOnlySpan<char> first10)
    {
        Span<int> counts = stackalloc int[10];
        counts.Clear();
        foreach (var c in first10)
        {
            counts[c - '0']++;
        }

        var repeated = -1;
        for (var digit = 0; digit < 10; digit++)
        {
            if (counts[digit] > 3 || (counts[digit] > 1 && repeated >= 0))
            {
                return false;
            }

            if (counts[digit] > 1)
            {
                repeated = digit;
            }
        }

        if (repeated < 0)
        {
            return false;
        }

        if (counts[repeated] == 3)
        {
            var r = (char)('0' + repeated);
            for (var i = 0; i + 2 < first10.Length; i++)
            {
                if (first10[i] == r && first10[i + 1] == r && first10[i + 2] == r)
                {
                    return false;
                }
            }
        }

        return true;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[1-9][0-9] ?[0-9]{3} ?[0-9]{3} ?[0-9]{3}(?![\p{L}\p{N}_])", RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex TaxIdPattern();
}
