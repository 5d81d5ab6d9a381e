using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// Values as they come out of a word processor, a PDF or a web page (no-break and narrow no-break spaces, thin spaces,
/// non-breaking hyphens, en dashes, a zero-width space, full-width digits), an HTML signature and a logged query string through the gateway with the official SDKs:
/// none reaches the fake provider, in its typographic or its ASCII writing, and the client gets its text back byte for
/// byte, streamed included. Until session 16 each of them went to the provider in clear.
/// </summary>
public sealed class TypographicSeparatorsRoundTripTests : SdkRoundTripTests
{
    private static readonly (string Typographic, string Ascii)[] Values =
    [
        ("4111\u00A01111\u00A01111\u00A01111", "4111 1111 1111 1111"),
        ("FR76\u202F3000\u202F6000\u202F0112\u202F3456\u202F7890\u202F189", "FR76 3000 6000 0112 3456 7890 189"),
        ("06\u202F12\u202F34\u202F56\u202F78", "06 12 34 56 78"),
        ("+44\u200920\u20097946\u20090958", "+44 20 7946 0958"),
        ("536\u201190\u20114399", "536-90-4399"),
        ("12\u201334\u201356", "12-34-56"),
        ("943\u2007476\u20075919", "943 476 5919"),
        ("5555\u200B5555\u200B5555\u200B4444", "5555555555554444"),
        ("\uFF10\uFF11\uFF15\uFF11 \uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19", "0151 23456789"),
        ("+49&nbsp;30&nbsp;1234567", "+49 30 1234567"),
        ("jane.smith%40acme.co.uk", "jane.smith@acme.co.uk"),
    ];

    private static readonly string Prompt =
        "Bonjour\u202F! Here is what the customer's PDF says.\n"
        + "Card: " + Values[0].Typographic + ", IBAN\u00A0: " + Values[1].Typographic + ".\n"
        + "Téléphone\u202F: " + Values[2].Typographic + " or " + Values[3].Typographic + ".\n"
        + "SSN " + Values[4].Typographic + ", sort code " + Values[5].Typographic + ", NHS number " + Values[6].Typographic + ".\n"
        + "Second card " + Values[7].Typographic + ", Handy " + Values[8].Typographic + ".\n"
        + "Her HTML signature: <p>Tel.:&nbsp;" + Values[9].Typographic + "</p>; the log: GET /users?email=" + Values[10].Typographic + "&page=2. Thanks!";

    [Fact]
    public async Task OpenAIChatStreaming_TypographicSeparators_NoValueReachesProviderAndClientGetsOwnText()
    {
        var text = await OpenAIChatStreamingAsync(Prompt);

        Assert.Equal(EchoProtocol.Prefix + Prompt, text);
        AssertNoValueReachedProvider();
    }

    [Fact]
    public async Task AnthropicMessages_TypographicSeparators_NoValueReachesProviderAndClientGetsOwnText()
    {
        var text = await AnthropicMessageAsync(Prompt);

        Assert.Equal(EchoProtocol.Prefix + Prompt, text);
        AssertNoValueReachedProvider();
    }

    private void AssertNoValueReachedProvider()
    {
        var received = Provider.Single();
        var leaked = Values.Where(v => received.Contains(v.Typographic) || received.Contains(v.Ascii)).ToList();
        Assert.True(leaked.Count == 0, $"{leaked.Count} of {Values.Length} values reached the provider.");
        foreach (var placeholder in new[] { "[CREDIT_CARD_2]", "[IBAN_CODE_1]", "[PHONE_NUMBER_3]", "[US_SSN_1]", "[UK_SORT_CODE_1]", "[UK_NHS_1]" })
        {
            Assert.Contains(placeholder, received.DecodedStrings, StringComparison.Ordinal);
        }
    }
}
