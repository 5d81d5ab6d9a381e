using StealthRelay.Redaction.Recognizers.Country.De;
using StealthRelay.Redaction.Recognizers.Country.Es;
using StealthRelay.Redaction.Recognizers.Country.Nl;
using StealthRelay.Redaction.Recognizers.Internal;

namespace StealthRelay.Redaction.Recognizers.Generic;

/// <summary>
/// The published check rule of each country's VAT identification number, over the characters after the country
/// prefix, separators removed and letters upper-cased (<c>136695976</c> for <c>DE 136 695 976</c>).
/// </summary>
internal static class VatIdCheckDigits
{
    /// <summary>DE: nine digits, first not 0, the last the ISO 7064 MOD 11,10 check digit (as the Steuer-IdNr).</summary>
    public static bool IsValidDe(ReadOnlySpan<char> d) =>
        d[0] != '0' && TaxIdRecognizer.ComputeCheckDigit(d[..8]) == d[8] - '0';

    /// <summary>
    /// NL: nine digits, <c>B</c>, two digits. Before 2020 the nine digits were the owner's BSN or RSIN and pass the
    /// elfproef; since then sole traders get a number for which "NL" and the twelve characters, letters as numbers
    /// (A = 10, ..., Z = 35), are 1 mod 97. Either is accepted.
    /// </summary>
    public static bool IsValidNl(ReadOnlySpan<char> body)
    {
        if (BsnRecognizer.IsValid(body[..9]))
        {
            return true;
        }

        var remainder = Mod97.Append("NL", 0);
        return Mod97.Append(body, remainder) == 1;
    }

    /// <summary>
    /// FR: a two-digit key and the nine-digit SIREN, which passes Luhn; key = (12 + 3 (SIREN mod 97)) mod 97. Keys
    /// with letters (issued since the numeric keys ran out) are not checked here and not accepted.
    /// </summary>
    public static bool IsValidFr(ReadOnlySpan<char> body)
    {
        if (!char.IsAsciiDigit(body[0]) || !char.IsAsciiDigit(body[1]) || !Luhn.IsValid(body[2..]))
        {
            return false;
        }

        var key = ((body[0] - '0') * 10) + (body[1] - '0');
        return key == (12 + (3 * Mod97.Append(body[2..], 0))) % 97;
    }

    /// <summary>BE: ten digits, the first 0 or 1; the last two are 97 - (the first eight mod 97).</summary>
    public static bool IsValidBe(ReadOnlySpan<char> d)
    {
        if (d[0] is not ('0' or '1'))
        {
            return false;
        }

        var check = ((d[8] - '0') * 10) + (d[9] - '0');
        return check == 97 - Mod97.Append(d[..8], 0);
    }

    /// <summary>
    /// AT: <c>U</c> and eight digits; the first seven weighted 1, 2, 1, 2, 1, 2, 1 (the digits of each product
    /// summed), the eighth (10 - (sum + 4) mod 10) mod 10.
    /// </summary>
    public static bool IsValidAt(ReadOnlySpan<char> body)
    {
        var d = body[1..];
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var product = (d[i] - '0') * (i % 2 == 0 ? 1 : 2);
            sum += (product / 10) + (product % 10);
        }

        return d[7] - '0' == (10 - ((sum + 4) % 10)) % 10;
    }

    /// <summary>IT: the eleven digits of the partita IVA pass Luhn; the company number (first seven) is not all zeros.</summary>
    public static bool IsValidIt(ReadOnlySpan<char> d) => d[..7].ContainsAnyExcept('0') && Luhn.IsValid(d);

    /// <summary>
    /// ES: the NIF-IVA holds a NIF. A person's DNI (eight digits and the mod-23 letter) or NIE (X, Y or Z, seven
    /// digits, the letter of the number with X = 0, Y = 1, Z = 2); a K, L or M NIF (seven digits and their mod-23
    /// letter); or a company's CIF: an organisation letter, seven digits and a control that is the digit c or the
    /// letter <c>JABCDEFGHI</c>[c], c = (10 - s mod 10) mod 10, s the digits in even places plus the digit sums of
    /// twice those in odd places.
    /// </summary>
    public static bool IsValidEs(ReadOnlySpan<char> body)
    {
        if (!IsDigits(body[1..8]))
        {
            return false;
        }

        var first = body[0];
        var last = body[8];
        if (char.IsAsciiDigit(first))
        {
            return char.IsAsciiLetter(last) && NifRecognizer.IsValid(ParseDigits(body[..8]), last);
        }

        if (first is 'X' or 'Y' or 'Z')
        {
            return NieRecognizer.IsValid(body);
        }

        if (first is 'K' or 'L' or 'M')
        {
            return NifRecognizer.IsValid(ParseDigits(body[1..8]), last);
        }

        if ("ABCDEFGHJNPQRSUVW".Contains(first))
        {
            var control = CifControl(body[1..8]);
            return last == (char)('0' + control) || last == "JABCDEFGHI"[control];
        }

        return false;
    }

    /// <summary>
    /// GB: nine digits, the first seven weighted 8..2 plus the last two as a number: 0 mod 97, or 42 (the "9755"
    /// rule of numbers issued since 2010). A twelve-digit number is the same nine and a three-digit branch.
    /// </summary>
    public static bool IsValidGb(ReadOnlySpan<char> d)
    {
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            sum += (d[i] - '0') * (8 - i);
        }

        sum += ((d[7] - '0') * 10) + (d[8] - '0');
        return d[..9].ContainsAnyExcept('0') && sum % 97 is 0 or 42;
    }

    private static int CifControl(ReadOnlySpan<char> seven)
    {
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var digit = seven[i] - '0';
            if (i % 2 == 0)
            {
                var doubled = digit * 2;
                sum += (doubled / 10) + (doubled % 10);
            }
            else
            {
                sum += digit;
            }
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>Continues a mod-97 remainder over digits and upper-case letters (A = 10, ..., Z = 35).</summary>
    private static bool IsDigits(ReadOnlySpan<char> chars) => !chars.ContainsAnyExceptInRange('0', '9');

    private static int ParseDigits(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
        {
            n = (n * 10) + (c - '0');
        }

        return n;
    }
}
