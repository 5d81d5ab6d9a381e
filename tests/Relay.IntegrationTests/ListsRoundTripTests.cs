using System.Globalization;
using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>
/// Lists of values as people paste them into a prompt (a contact table that lost its columns, numbers after one key
/// word, a long column of phone numbers) through the gateway with the official SDKs: no value reaches the fake
/// provider and the client gets its text back byte for byte, streamed included. Until session 15 most of the values
/// below went out in clear: only the first values of each list were found.
/// </summary>
public sealed class ListsRoundTripTests : SdkRoundTripTests
{
    private static readonly string[] ContactTable =
    [
        "030 901820", "0151 23456789", "06 12 34 56 78", "01 42 68 53 00", "020 7946 0958", "07700 900123", "(212) 555-0199", "06 1234 5678",
    ];

    private static readonly string[] Passports = ["C01X00T47", "C01X00T48", "C01X00T49"];

    private static readonly string[] Ssns = ["536904399", "536904398", "536904397", "536904396", "536904395", "536904394", "536904393", "536904392"];

    private static readonly string[] Accounts = ["12345678", "87654321", "11223344"];

    private static readonly string[] Phones = [.. Enumerable.Range(0, 120).Select(i => string.Create(CultureInfo.InvariantCulture, $"(415) 555-{1000 + i:D4}"))];

    private static readonly string Prompt =
        "Please merge these contacts: " + string.Join(" ", ContactTable) + ".\n"
        + "Passport numbers: " + string.Join(", ", Passports[..^1]) + " and " + Passports[^1] + ".\n"
        + "SSNs: " + string.Join(", ", Ssns) + ".\n"
        + "Account numbers:\n- " + string.Join("\n- ", Accounts) + "\n"
        + "Call list: " + string.Join(" ", Phones) + ". Thanks!";

    private static IEnumerable<string> AllValues => [.. ContactTable, .. Passports, .. Ssns, .. Accounts, .. Phones];

    [Fact]
    public async Task OpenAIChatStreaming_ListsOfValues_NoneReachesProviderAndClientGetsOwnText()
    {
        var text = await OpenAIChatStreamingAsync(Prompt);

        Assert.Equal(EchoProtocol.Prefix + Prompt, text);
        AssertNoValueReachedProvider();
    }

    [Fact]
    public async Task AnthropicMessages_ListsOfValues_NoneReachesProviderAndClientGetsOwnText()
    {
        var text = await AnthropicMessageAsync(Prompt);

        Assert.Equal(EchoProtocol.Prefix + Prompt, text);
        AssertNoValueReachedProvider();
    }

    private void AssertNoValueReachedProvider()
    {
        var received = Provider.Single();
        var leaked = AllValues.Where(received.Contains).ToList();
        Assert.True(leaked.Count == 0, $"{leaked.Count} listed values reached the provider.");
        Assert.Contains("[PASSPORT_3]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.Contains("[US_SSN_8]", received.DecodedStrings, StringComparison.Ordinal);
        Assert.Contains("[BANK_ACCOUNT_3]", received.DecodedStrings, StringComparison.Ordinal);
    }
}
