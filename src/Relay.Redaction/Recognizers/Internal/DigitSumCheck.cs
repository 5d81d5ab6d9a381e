namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>
/// The check digit of the German social insurance numbers: each digit times its weight, the digits of every product
/// added up, the total modulo 10. A letter in the number counts as its place in the alphabet, two digits (A = 01,
/// J = 10, Z = 26).
/// </summary>
internal static class DigitSumCheck
{
    /// <summary>
    /// The check digit over <paramref name="value"/> (ASCII digits and upper-case letters, a letter standing for two
    /// digits) with <paramref name="weights"/>, one per digit; -1 when the digits and weights do not pair up.
    /// </summary>
    public static int Mod10(ReadOnlySpan<char> value, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        var w = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                var place = c - 'A' + 1;
                if (w + 2 > weights.Length)
                {
                    return -1;
                }

                sum += DigitSum(place / 10 * weights[w++]) + DigitSum(place % 10 * weights[w++]);
            }
            else if (char.IsAsciiDigit(c) && w < weights.Length)
            {
                sum += DigitSum((c - '0') * weights[w++]);
            }
            else
            {
                return -1;
            }
        }

        return w == weights.Length ? sum % 10 : -1;
    }

    private static int DigitSum(int product) => (product / 10) + (product % 10);
}
