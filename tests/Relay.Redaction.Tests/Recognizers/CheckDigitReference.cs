using System.Globalization;
using System.Numerics;

namespace StealthRelay.Redaction.Tests.Recognizers;

/// <summary>
/// Independent, deliberately plain re-implementations of the published check-digit algorithms, used to verify every
/// test value invented for these tests (and the recognizers' own arithmetic) against the specification.
/// </summary>
internal static class CheckDigitReference
{
    /// <summary>
    /// Spanish CCC check digits, as Spanish banks publish the rule: for "00" + bank + branch and for the
    /// 10-digit account, 11 - (sum of digit x weight [1, 2, 4, 8, 5, 10, 9, 7, 3, 6] mod 11), 11 -> 0, 10 -> 1.
    /// </summary>
    public static string SpanishCccCheckDigits(string bankBranch8, string account10)
    {
        int[] weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
        int Digit(string ten)
        {
            var sum = 0;
            for (var i = 0; i < 10; i++)
            {
                sum += (ten[i] - '0') * weights[i];
            }

            var d = 11 - (sum % 11);
            return d == 11 ? 0 : d == 10 ? 1 : d;
        }

        return string.Concat(Digit("00" + bankBranch8).ToString(CultureInfo.InvariantCulture), Digit(account10).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>NHS: weights 10..2, check = 11 - (sum mod 11), 11 -> 0, 10 -> invalid (-1).</summary>
    public static int NhsCheckDigit(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nineDigits[i] - '0') * (10 - i);
        }

        return (11 - (sum % 11)) switch { 11 => 0, 10 => -1, var c => c };
    }

    /// <summary>ISO 7064 MOD 11,10 (German Steuer-IdNr).</summary>
    public static int Iso7064Mod11_10(string digits)
    {
        var p = 10;
        foreach (var c in digits)
        {
            var s = (p + (c - '0')) % 10;
            p = ((s == 0 ? 10 : s) * 2) % 11;
        }

        return (11 - p) % 10;
    }

    /// <summary>ICAO 9303 check digit: weights 7,3,1, A=10..Z=35, sum mod 10.</summary>
    public static int Icao731(string value)
    {
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var charValue = char.IsDigit(value[i]) ? value[i] - '0' : value[i] - 'A' + 10;
            sum += charValue * weights[i % 3];
        }

        return sum % 10;
    }

    /// <summary>French NIR key: 97 - (n mod 97) over the 13 digits (Corsica already mapped to 19/18).</summary>
    public static int NirKey(string thirteenDigits) =>
        97 - (int)(BigInteger.Parse(thirteenDigits, CultureInfo.InvariantCulture) % 97);

    /// <summary>Spanish DNI letter.</summary>
    public static char DniLetter(long number) => "TRWAGMYFPDXBNJZSQVHLCKE"[(int)(number % 23)];

    /// <summary>Italian codice fiscale check character from the published odd/even tables.</summary>
    public static char FiscalCodeCheckChar(string first15)
    {
        int[] oddLetters = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = first15[i];
            var value = char.IsDigit(c) ? c - '0' : c - 'A';
            var oddPosition = (i + 1) % 2 == 1;
            sum += oddPosition ? oddLetters[value] : value;
        }

        return (char)('A' + (sum % 26));
    }

    /// <summary>
    /// North American VIN check digit (49 CFR 565.15): letters transliterated A-H = 1-8, J-N = 1-5, P = 7, R = 9,
    /// S-Z = 2-9; position weights 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2; sum mod 11, 10 written X.
    /// </summary>
    public static char VinCheckDigit(string vin)
    {
        const string letters = "ABCDEFGH" + "JKLMN" + "P" + "R" + "STUVWXYZ";
        int[] letterValues = [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9];
        int[] weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var c = vin[i];
            var value = char.IsDigit(c) ? c - '0' : letterValues[letters.IndexOf(c, StringComparison.Ordinal)];
            sum += value * weights[i];
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    /// <summary>ABA routing number: the nine digits weighted 3, 7, 1, 3, 7, 1, 3, 7, 1; the sum a multiple of ten.</summary>
    public static bool AbaChecksum(string nineDigits)
    {
        int[] weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nineDigits[i] - '0') * weights[i];
        }

        return sum % 10 == 0;
    }

    /// <summary>Luhn via the textbook "double every second digit from the right".</summary>
    public static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (d * 2 / 10) + (d * 2 % 10) : d;
        }

        return sum % 10 == 0;
    }

    /// <summary>IBAN mod 97 with arbitrary-precision arithmetic.</summary>
    public static bool IbanValid(string iban)
    {
        var compact = iban.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var rearranged = compact[4..] + compact[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97 == 1;
    }
}
