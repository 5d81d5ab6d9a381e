namespace StealthRelay.Redaction.Recognizers;

/// <summary>
/// Settings of the built-in rule recognizers. Bound from <c>Relay:Redaction:Recognizers</c> by the host.
/// </summary>
public sealed class RecognizerOptions
{
    /// <summary>
    /// ISO 3166 regions whose national-format phone numbers (no leading <c>+</c>) are recognized, in priority order.
    /// International numbers (<c>+44 20 ...</c>) are recognized whatever this list holds. Every entry must be a
    /// region libphonenumber knows. Each region costs one libphonenumber pass per candidate number, so keep it short.
    /// Default: US, GB, DE, FR, ES, IT, NL. Note: configuration binding appends to a list that already has items;
    /// to replace the defaults from configuration, clear the list in code first (duplicates are ignored).
    /// </summary>
    public IList<string> PhoneRegions { get; set; } = ["US", "GB", "DE", "FR", "ES", "IT", "NL"];

    /// <summary>
    /// Whether street addresses (ADDRESS: street + house number, with postcode and city when attached) are recognized
    /// by rule. Default true. Turn off where a text is full of product codes that read like addresses; the NER model
    /// may still report ADDRESS (exclude the type in the policy to stop both).
    /// </summary>
    public bool StreetAddresses { get; set; } = true;
}
