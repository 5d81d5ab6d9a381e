using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// Identity documents, bank details, VAT numbers and credentials through the gateway with the official SDKs: none of the values
/// reaches the fake provider, each under the placeholder of its own type, and the client gets its text back byte for
/// byte, streamed included. All values are synthetic with valid check digits.
/// </summary>
public sealed class IdentifiersRoundTripTests : SdkRoundTripTests
{
    private static readonly (string Value, string Placeholder)[] Values =
    [
        ("C01X00T47", "[PASSPORT_1]"),
        ("1HGCM82633A004352", "[VIN_1]"),
        ("912-70-1234", "[US_ITIN_1]"),
        ("55779911", "[BANK_ACCOUNT_1]"),
        ("20-00-00", "[UK_SORT_CODE_1]"),
        ("021000021", "[ABA_ROUTING_NUMBER_1]"),
        ("2100 0418 45 0200051332", "[BANK_ACCOUNT_2]"),
        ("Geheim123!", "[SECRET_1]"),
        ("postgres://admin:S3cr3tP4ss@db.internal:5432/prod", "[URL_1]"),
        ("DE136695976", "[VAT_ID_1]"),
    ];

    private static readonly string Prompt =
        "Für das Visum: Reisepass C01X00T47, Wagen VIN 1HGCM82633A004352, ITIN 912-70-1234. Überweisung: sort code 20-00-00, "
        + "account number 55779911; US routing number 021000021; número de cuenta 2100 0418 45 0200051332. "
        + "Mein Passwort: Geheim123! und die Datenbank postgres://admin:S3cr3tP4ss@db.internal:5432/prod 🙂 USt-IdNr. DE136695976.";

    [Fact]
    public async Task OpenAIChatStreaming_IdentifiersAndCredentials_NoneReachesProviderAndClientGetsOwnText()
    {
        var text = await OpenAIChatStreamingAsync(Prompt);

        Assert.Equal(EchoProtocol.Prefix + Prompt, text);
        AssertRedactedByType();
    }

    [Fact]
    public async Task AnthropicMessages_IdentifiersAndCredentials_NoneReachesProviderAndClientGetsOwnText()
    {
        var text = await AnthropicMessageAsync(Prompt);

        Assert.Equal(EchoProtocol.Prefix + Prompt, text);
        AssertRedactedByType();
    }

    private void AssertRedactedByType()
    {
        var received = Provider.Single();
        foreach (var (value, placeholder) in Values)
        {
            Assert.False(received.Contains(value), $"The value behind {placeholder} reached the provider.");
            Assert.Contains(placeholder, received.DecodedStrings, StringComparison.Ordinal);
        }

        // Parts of the Spanish account number, the URL's user name and host must not be left in clear either.
        foreach (var part in new[] { "0200051332", "admin:", "db.internal" })
        {
            Assert.False(received.Contains(part), "A part of a redacted value reached the provider.");
        }
    }
}
