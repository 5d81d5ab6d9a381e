using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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

/// <summary>Registers the built-in rule recognizers.</summary>
public static class RecognizerServiceCollectionExtensions
{
    /// <summary>
    /// Registers every built-in recognizer as a singleton <see cref="IRecognizer"/> (TryAddEnumerable: calling twice
    /// registers each once). <see cref="RecognizerOptions"/> come from the options system, so a host may also bind
    /// them from configuration (<c>services.Configure&lt;RecognizerOptions&gt;(section)</c>); <paramref name="configure"/>
    /// runs on top. The options are validated at start-up (unknown phone regions are reported together).
    /// </summary>
    public static IServiceCollection AddDefaultRecognizers(this IServiceCollection services, Action<RecognizerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RecognizerOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecognizerOptions>, RecognizerOptionsValidator>());

        Add<EmailRecognizer>(services);
        Add<ObfuscatedEmailRecognizer>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, PhoneNumberRecognizer>(
            sp => new PhoneNumberRecognizer(sp.GetRequiredService<IOptions<RecognizerOptions>>().Value)));
        Add<CreditCardRecognizer>(services);
        Add<CardSecurityCodeRecognizer>(services);
        Add<DateOfBirthRecognizer>(services);
        Add<PassportRecognizer>(services);
        Add<DriverLicenseRecognizer>(services);
        Add<VinRecognizer>(services);
        Add<IbanRecognizer>(services);
        Add<VatIdRecognizer>(services);
        Add<BankAccountRecognizer>(services);
        Add<MedicalRecordNumberRecognizer>(services);
        Add<EmployeeIdRecognizer>(services);
        Add<InsuranceNumberRecognizer>(services);
        Add<CustomerNumberRecognizer>(services);
        Add<UkSortCodeRecognizer>(services);
        Add<UsSsnRecognizer>(services);
        Add<UsItinRecognizer>(services);
        Add<UsMbiRecognizer>(services);
        Add<AbaRoutingNumberRecognizer>(services);
        Add<IpAddressRecognizer>(services);
        Add<MacAddressRecognizer>(services);
        Add<CryptoAddressRecognizer>(services);
        Add<UrlRecognizer>(services);
        Add<SecretRecognizer>(services);
        Add<NhsNumberRecognizer>(services);
        Add<NinoRecognizer>(services);
        Add<TaxIdRecognizer>(services);
        Add<IdCardRecognizer>(services);
        Add<SocialSecurityNumberRecognizer>(services);
        Add<HealthInsuranceNumberRecognizer>(services);
        Add<AhvNumberRecognizer>(services);
        Add<NirRecognizer>(services);
        Add<NifRecognizer>(services);
        Add<NieRecognizer>(services);
        Add<FiscalCodeRecognizer>(services);
        Add<BsnRecognizer>(services);
        Add<AadhaarRecognizer>(services);
        Add<PanRecognizer>(services);
        Add<SocialInsuranceNumberRecognizer>(services);
        Add<CpfRecognizer>(services);
        Add<CnpjRecognizer>(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, StreetAddressRecognizer>(
            sp => new StreetAddressRecognizer(sp.GetRequiredService<IOptions<RecognizerOptions>>().Value)));
        return services;
    }

    private static void Add<TRecognizer>(IServiceCollection services)
        where TRecognizer : class, IRecognizer =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecognizer, TRecognizer>());
}
