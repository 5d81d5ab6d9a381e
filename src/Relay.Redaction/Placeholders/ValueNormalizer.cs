using System.Text;

namespace StealthRelay.Redaction.Placeholders;

/// <summary>
/// The comparison key of a value: two values with the same key get the same placeholder. Numbers compare by their
/// digits (<c>+1 (555) 010-0199</c> = <c>+1 555 010 0199</c>, sort code <c>20-00-00</c> = <c>200000</c>), IBANs,
/// VAT IDs, passport, driving licence, medical record, employee, insurance and customer numbers, German social and
/// health insurance numbers, Medicare numbers, PANs and VINs by letters and digits upper-cased (<c>123-456-789</c> = <c>123 456 789</c>, <c>DE 136 695 976</c> =
/// <c>de136695976</c>, <c>1EG4-TE5-MK73</c> = <c>1EG4TE5MK73</c>), text case-insensitively with runs of whitespace
/// folded to one space. Neutralized placeholder literals compare exactly.
/// </summary>
internal static class ValueNormalizer
{
    public static string Normalize(string type, string value)
    {
        switch (type)
        {
            case EntityTypes.PhoneNumber:
            case EntityTypes.CreditCard:
            case EntityTypes.UsSsn:
            case EntityTypes.UsItin:
            case EntityTypes.AbaRoutingNumber:
            case EntityTypes.BankAccount:
            case EntityTypes.UkSortCode:
            case EntityTypes.UkNhs:
            case EntityTypes.NlBsn:
            case EntityTypes.InAadhaar:
            case EntityTypes.ChAhv:
            case EntityTypes.CaSin:
            case EntityTypes.BrCpf:
            case EntityTypes.BrCnpj:
                {
                    var digits = Keep(value, static c => char.IsAsciiDigit(c), upper: false);
                    return digits.Length > 0 ? digits : NormalizeText(value);
                }

            case EntityTypes.IbanCode:
            case EntityTypes.VatId:
            case EntityTypes.Passport:
            case EntityTypes.DriverLicense:
            case EntityTypes.Vin:
            case EntityTypes.MedicalRecordNumber:
            case EntityTypes.EmployeeId:
            case EntityTypes.InsuranceNumber:
            case EntityTypes.CustomerNumber:
            case EntityTypes.InPan:
            case EntityTypes.DeSvnr:
            case EntityTypes.DeKvnr:
            case EntityTypes.UsMbi:
                {
                    var alnum = Keep(value, static c => char.IsAsciiLetterOrDigit(c), upper: true);
                    return alnum.Length > 0 ? alnum : NormalizeText(value);
                }

            case PlaceholderNeutralizer.LiteralType:
                return value;

            default:
                return NormalizeText(value);
        }
    }

    private static string Keep(string value, Func<char, bool> keep, bool upper)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (keep(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
            }
        }

        return sb.ToString();
    }

    private static string NormalizeText(string value)
    {
        var sb = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(char.ToUpperInvariant(c));
        }

        return sb.ToString();
    }
}
