namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>
/// The two check digits of Brazil's taxpayer numbers (CPF, CNPJ): each digit times its weight, the sum modulo 11; a
/// remainder of 0 or 1 gives 0, any other r gives 11 - r. The first check digit is taken over the number, the second
/// over the number and the first check digit, with one more weight in front.
/// </summary>
internal static class BrazilianMod11
{
    /// <summary>
    /// Whether the last two ASCII digits of <paramref name="digits"/> are the check digits of the others, the second
    /// weighted by <paramref name="weights"/> (one per digit before it), the first by the same weights without the first.
    /// </summary>
    public static bool HasCheckDigits(ReadOnlySpan<char> digits, ReadOnlySpan<int> weights)
    {
        var n = weights.Length;
        return digits.Length == n + 1
            && CheckDigit(digits[..(n - 1)], weights[1..]) == digits[n - 1] - '0'
            && CheckDigit(digits[..n], weights) == digits[n] - '0';
    }

    private static int CheckDigit(ReadOnlySpan<char> digits, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}
