using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace StealthRelay.Redaction.Recognizers;

/// <summary>Validates <see cref="RecognizerOptions"/> at start-up, reporting every problem at once.</summary>
internal sealed class RecognizerOptionsValidator : IValidateOptions<RecognizerOptions>
{
    public ValidateOptionsResult Validate(string? name, RecognizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PhoneRegions is null)
        {
            return ValidateOptionsResult.Fail("Relay:Redaction:Recognizers:PhoneRegions must not be null (use an empty list for international numbers only).");
        }

        var supported = PhoneNumberUtil.GetInstance().GetSupportedRegions();
        var failures = new List<string>();
        foreach (var region in options.PhoneRegions)
        {
            if (!supported.Contains((region ?? "").Trim().ToUpperInvariant()))
            {
                failures.Add($"Relay:Redaction:Recognizers:PhoneRegions: '{region}' is not an ISO 3166 region libphonenumber supports.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
