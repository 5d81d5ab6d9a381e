namespace StealthRelay.Redaction.Recognizers.Internal;

/// <summary>ISO 7064 mod 97 over letters and digits (letters as 10..35, A = 10), as IBANs and some VAT IDs use it.</summary>
internal static class Mod97
{
    /// <summary>The remainder of the number <paramref name="remainder"/> followed by <paramref name="chars"/> (digits and upper-case letters).</summary>
    public static int Append(ReadOnlySpan<char> chars, int remainder)
    {
        foreach (var c in chars)
        {
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }
}
