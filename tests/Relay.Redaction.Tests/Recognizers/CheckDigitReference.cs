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

    /// <summary>
    /// VAT identification number, compact, prefix included (<c>DE136695976</c>), by the rule each country publishes;
    /// false for a country or shape it does not know.
    /// </summary>
    public static bool VatIdValid(string vat)
    {
        var country = vat[..2];
        var body = vat[2..];
        bool AllDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
        BigInteger Number(string digits) => BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        switch (country)
        {
            case "DE":
                // ISO 7064 MOD 11,10 over the first eight digits.
                return body.Length == 9 && AllDigits(body) && body[0] != '0' && Iso7064Mod11_10(body[..8]) == body[8] - '0';
            case "NL":
                {
                    if (body.Length != 12 || !AllDigits(body[..9]) || body[9] != 'B' || !AllDigits(body[10..]))
                    {
                        return false;
                    }

                    // Elfproef (weights 9..2, -1), or "NL" + body with N = 23, L = 21, B = 11 is 1 mod 97.
                    var sum = 0;
                    for (var i = 0; i < 8; i++)
                    {
                        sum += (body[i] - '0') * (9 - i);
                    }

                    sum -= body[8] - '0';
                    var elfproef = sum % 11 == 0 && body[..9].Distinct().Count() > 1;
                    var asNumber = "2321" + body[..9] + "11" + body[10..];
                    return elfproef || Number(asNumber) % 97 == 1;
                }

            case "FR":
                {
                    if (body.Length != 11 || !AllDigits(body))
                    {
                        return false;
                    }

                    var siren = body[2..];
                    var key = int.Parse(body[..2], CultureInfo.InvariantCulture);
                    return Luhn(siren) && key == (int)((12 + (3 * (Number(siren) % 97))) % 97);
                }

            case "BE":
                return body.Length == 10 && AllDigits(body) && body[0] is '0' or '1'
                    && int.Parse(body[8..], CultureInfo.InvariantCulture) == 97 - (int)(Number(body[..8]) % 97);
            case "AT":
                {
                    if (body.Length != 9 || body[0] != 'U' || !AllDigits(body[1..]))
                    {
                        return false;
                    }

                    // Weights 1,2,1,2,1,2,1, each product's digits summed; check = (10 - (sum + 4) mod 10) mod 10.
                    var sum = 0;
                    for (var i = 0; i < 7; i++)
                    {
                        var product = (body[1 + i] - '0') * (i % 2 == 0 ? 1 : 2);
                        sum += product > 9 ? product - 9 : product;
                    }

                    return body[8] - '0' == (10 - ((sum + 4) % 10)) % 10;
                }

            case "IT":
                return body.Length == 11 && AllDigits(body) && body[..7] != "0000000" && Luhn(body);
            case "ES":
                return body.Length == 9 && SpanishNifIvaValid(body);
            case "GB":
                {
                    if ((body.Length != 9 && body.Length != 12) || !AllDigits(body) || body[..9] == "000000000")
                    {
                        return false;
                    }

                    // Weights 8..2 over seven digits plus the last two as a number: 0 mod 97, or 0 after adding 55.
                    var sum = 0;
                    for (var i = 0; i < 7; i++)
                    {
                        sum += (body[i] - '0') * (8 - i);
                    }

                    sum += int.Parse(body[7..9], CultureInfo.InvariantCulture);
                    return sum % 97 == 0 || (sum + 55) % 97 == 0;
                }

            default:
                return false;
        }
    }

    /// <summary>Spanish NIF-IVA body: DNI, NIE (X/Y/Z = 0/1/2), K/L/M NIF (seven digits, DNI letter), or CIF.</summary>
    private static bool SpanishNifIvaValid(string body)
    {
        var middle = body[1..8];
        if (!middle.All(char.IsAsciiDigit))
        {
            return false;
        }

        var first = body[0];
        var last = body[8];
        if (char.IsAsciiDigit(first))
        {
            return last == DniLetter(long.Parse(body[..8], CultureInfo.InvariantCulture));
        }

        if ("XYZ".Contains(first, StringComparison.Ordinal))
        {
            return last == DniLetter(long.Parse("XYZ".IndexOf(first, StringComparison.Ordinal) + middle, CultureInfo.InvariantCulture));
        }

        if ("KLM".Contains(first, StringComparison.Ordinal))
        {
            return last == DniLetter(long.Parse(middle, CultureInfo.InvariantCulture));
        }

        if (!"ABCDEFGHJNPQRSUVW".Contains(first, StringComparison.Ordinal))
        {
            return false;
        }

        // CIF: the digits in even places, plus the digit sums of twice those in odd places (1st, 3rd, 5th, 7th).
        var even = (middle[1] - '0') + (middle[3] - '0') + (middle[5] - '0');
        var odd = 0;
        foreach (var i in new[] { 0, 2, 4, 6 })
        {
            var twice = 2 * (middle[i] - '0');
            odd += (twice / 10) + (twice % 10);
        }

        var control = (10 - ((even + odd) % 10)) % 10;
        return last == (char)('0' + control) || last == "JABCDEFGHI"[control];
    }
}
