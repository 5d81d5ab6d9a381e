using System.Text.RegularExpressions;

namespace StealthRelay.Redaction.Recognizers.Country.Fr;

/// <summary>
/// FR_NIR: the French social security number (numéro de sécurité sociale), 13 characters plus a 2-digit key, plain
/// or grouped (<c>2 69 05 49 588 157 80</c>): sex 1/2 (3, 4, 7, 8 for provisional numbers), year, month (01-12 or
/// 20-99 for unknown/special months), department (two digits, 2A/2B for Corsica, or 97x overseas), commune, order.
/// The key must equal 97 - (n mod 97), where Corsica counts 2A as 19 and 2B as 18. Scored <see cref="RecognizerScores.Checksum"/>.
/// </summary>
internal sealed partial class NirRecognizer : IRecognizer
{
    public IReadOnlyList<string> SupportedEntities { get; } = [EntityTypes.FrNir];

    public IReadOnlyList<string> Context { get; } =
        ["sécurité sociale", "securite sociale", "numéro de sécurité sociale", "nir", "insee", "carte vitale", "ssn"];

    public void Analyze(string text, List<EntitySpan> results)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(results);

        Span<char> compact = stackalloc char[15];
        foreach (var match in NirPattern().EnumerateMatches(text))
        {
            var n = 0;
            foreach (var c in text.AsSpan(match.Index, match.Length))
            {
                if (c != ' ')
                {
                    compact[n++] = char.ToUpperInvariant(c);
                }
            }

            if (n == 15 && IsValid(compact))
            {
                results.Add(new EntitySpan(EntityTypes.FrNir, match.Index, match.Index + match.Length, RecognizerScores.Checksum, nameof(NirRecognizer)));
            }
        }
    }

    /// <summary><paramref name="nir"/>: 15 characters, digits except 2A/2B at positions 6-7.</summary>
    internal static bool IsValid(ReadOnlySpan<char> nir)
    {
        var corsica = nir[6] is 'A' or 'B';
        if (corsica && nir[5] != '2')
        {
            return false;
        }

        long number = 0;
        for (var i = 0; i < 13; i++)
        {
            var c = nir[i];
            int digit;
            if (corsica && i is 5 or 6)
            {
                digit = i == 5 ? 1 : (nir[6] == 'A' ? 9 : 8); // 2A counts as 19, 2B as 18
            }
            else if (char.IsAsciiDigit(c))
            {
                digit = c - '0';
            }
            else
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        var key = ((nir[13] - '0') * 10) + (nir[14] - '0');
        return char.IsAsciiDigit(nir[13]) && char.IsAsciiDigit(nir[14]) && key == 97 - (number % 97);
    }

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_])[1-478] ?[0-9]{2} ?(?:0[1-9]|1[0-2]|[2-9][0-9]) ?(?:(?:[0-9]{2}|2[ABab]) ?[0-9]{3}|97[0-9] ?[0-9]{2}) ?[0-9]{3} ?[0-9]{2}(?![\p{L}\p{N}_])",
        RegexOptions.CultureInvariant, RecognizerScores.RegexTimeoutMilliseconds)]
    private static partial Regex NirPattern();
}
