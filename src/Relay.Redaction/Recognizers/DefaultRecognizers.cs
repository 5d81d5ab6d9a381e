using StealthRelay.Redaction.Recognizers.Address;
using StealthRelay.Redaction.Recognizers.Country.Br;
using StealthRelay.Redaction.Recognizers.Country.Ca;
using StealthRelay.Redaction.Recognizers.Country.Ch;
using StealthRelay.Redaction.Recognizers.Country.De;
using StealthRelay.Redaction.Recognizers.Country.Es;
using StealthRelay.Redaction.Recognizers.Country.Fr;
using StealthRelay.Redaction.Recognizers.Country.In;
using StealthRelay.Redaction.Recognizers.Country.It;
using StealthRelay.Redaction.Recognizers.Country.Nl;
using StealthRelay.Redaction.Recognizers.Country.Uk;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Recognizers;

/// <summary>
/// The built-in rule recognizers. Every recognizer is stateless and thread-safe, appends UTF-16 spans (end
/// exclusive) and reports its class name as <see cref="EntitySpan.Source"/>.
/// Score convention (see docs/recognizers.md): 1.0 for a checksum-validated or unambiguous value; 0.95 for a vendor
/// token prefix of exact length; 0.9 for a checksum that random strings of the same shape pass about one time in ten;
/// 0.85 for parser/structural validation without a checksum (IP, phone, NINO, dashed SSN, secrets by assignment);
/// 0.6 for a formatted shape; 0.4 for a bare shape that needs a context word to pass the default 0.5 threshold; 0.3 for
/// informational matches (plain URLs). Values that fail validation are never reported. A regex that runs past its
/// match timeout throws <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/>, so callers fail closed.
/// </summary>
public static class DefaultRecognizers
{
    /// <summary>Creates one instance of every built-in recognizer. Throws <see cref="ArgumentException"/> for unknown phone regions.</summary>
    public static IReadOnlyList<IRecognizer> Create(RecognizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            new EmailRecognizer(),
            new ObfuscatedEmailRecognizer(),
            new PhoneNumberRecognizer(options),
            new CreditCardRecognizer(),
            new CardSecurityCodeRecognizer(),
            new DateOfBirthRecognizer(),
            new PassportRecognizer(),
            new DriverLicenseRecognizer(),
            new VinRecognizer(),
            new IbanRecognizer(),
            new VatIdRecognizer(),
            new BankAccountRecognizer(),
            new MedicalRecordNumberRecognizer(),
            new EmployeeIdRecognizer(),
            new InsuranceNumberRecognizer(),
            new CustomerNumberRecognizer(),
            new UkSortCodeRecognizer(),
            new UsSsnRecognizer(),
            new UsItinRecognizer(),
            new UsMbiRecognizer(),
            new AbaRoutingNumberRecognizer(),
            new IpAddressRecognizer(),
            new MacAddressRecognizer(),
            new CryptoAddressRecognizer(),
            new UrlRecognizer(),
            new SecretRecognizer(),
            new NhsNumberRecognizer(),
            new NinoRecognizer(),
            new TaxIdRecognizer(),
            new IdCardRecognizer(),
            new SocialSecurityNumberRecognizer(),
            new HealthInsuranceNumberRecognizer(),
            new AhvNumberRecognizer(),
            new NirRecognizer(),
            new NifRecognizer(),
            new NieRecognizer(),
            new FiscalCodeRecognizer(),
            new BsnRecognizer(),
            new AadhaarRecognizer(),
            new PanRecognizer(),
            new SocialInsuranceNumberRecognizer(),
            new CpfRecognizer(),
            new CnpjRecognizer(),
            new StreetAddressRecognizer(options),
        ];
    }
}
