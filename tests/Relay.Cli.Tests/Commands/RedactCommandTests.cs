namespace StealthRelay.Cli.Tests.Commands;

/// <summary><c>relay redact</c>: sanitized text on stdout, a summary of types and counts (never values) on stderr.</summary>
public sealed class RedactCommandTests : IDisposable
{
    private static readonly string[] Values =
        ["jane.doe@example.com", "+44 20 7946 0958", "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00", "536-22-8721"];

    private readonly string _folder = Directory.CreateTempSubdirectory("relay-redact-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Text =>
        $"Mail {Values[0]} or call {Values[1]}. Card {Values[2]}, IBAN {Values[3]}, SSN {Values[4]}. Again: {Values[0]}.";

    [Fact]
    public async Task RunAsync_Stdin_WritesSanitizedTextAndTypeCountSummaryOnly()
    {
        var run = await CliRun.RunAsync(Text, "redact", "--no-ner");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "Mail [EMAIL_ADDRESS_1] or call [PHONE_NUMBER_1]. Card [CREDIT_CARD_1], IBAN [IBAN_CODE_1], SSN [US_SSN_1]. Again: [EMAIL_ADDRESS_1].",
            run.Stdout);
        Assert.Equal(
            "relay redact: replaced 6 value(s): CREDIT_CARD=1, EMAIL_ADDRESS=2, IBAN_CODE=1, PHONE_NUMBER=1, US_SSN=1",
            run.Stderr.TrimEnd());
        AssertNoValueIn(run.Stdout);
        AssertNoValueIn(run.Stderr);
    }

    [Fact]
    public async Task RunAsync_InputFile_SameAsStdin()
    {
        var path = Path.Combine(_folder, "prompt.txt");
        await File.WriteAllTextAsync(path, Text);

        var fromFile = await CliRun.RunAsync("", "redact", "--input", path, "--no-ner");
        var fromStdin = await CliRun.RunAsync(Text, "redact", "--input", "-", "--no-ner");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(fromStdin.Stdout, fromFile.Stdout);
        Assert.Equal(fromStdin.Stderr, fromFile.Stderr);
        AssertNoValueIn(fromFile.Stderr);
    }

    [Fact]
    public async Task RunAsync_PolicyFile_IsApplied()
    {
        var policy = Path.Combine(_folder, "policy.json");
        await File.WriteAllTextAsync(policy, """
            // the same shape as Relay:Redaction:Policy in appsettings.json
            { "entities": ["EMAIL_ADDRESS", "US_SSN", "CUSTOM"], "allowList": ["536-22-8721"],
              "denyList": [{ "pattern": "Project Falcon" }], "placeholderFormat": "<{type}#{index}>" }
            """);

        var run = await CliRun.RunAsync("Mail jane.doe@example.com, SSN 536-22-8721, card 4111 1111 1111 1111 about Project Falcon.",
            "redact", "--no-ner", "--policy", policy);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Mail <EMAIL_ADDRESS#1>, SSN 536-22-8721, card 4111 1111 1111 1111 about <CUSTOM#1>.", run.Stdout);
    }

    [Theory]
    [InlineData("{ \"defaultMinScore\": 2 }", "DefaultMinScore")]
    [InlineData("[1, 2]", "not a policy object")]
    public async Task RunAsync_InvalidPolicyFile_ExitTwoAndNothingRedacted(string json, string message)
    {
        var policy = Path.Combine(_folder, "policy.json");
        await File.WriteAllTextAsync(policy, json);

        var run = await CliRun.RunAsync(Text, "redact", "--no-ner", "--policy", policy);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task RunAsync_NothingToRedact_EchoesTextAndReportsZero()
    {
        var run = await CliRun.RunAsync("Nothing personal here.", "redact", "--no-ner");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Nothing personal here.", run.Stdout);
        Assert.Equal("relay redact: replaced 0 value(s)", run.Stderr.TrimEnd());
    }

    [Fact]
    public async Task RunAsync_ShippedNerModel_RedactsPersonNameWithoutPrintingIt()
    {
        var run = await CliRun.RunAsync("Please write a short thank-you note to Maria Schneider for her help last week.", "redact");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Please write a short thank-you note to [PERSON_1] for her help last week.", run.Stdout);
        Assert.Contains("PERSON=1", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Schneider", run.Stderr, StringComparison.Ordinal);
    }

    private static void AssertNoValueIn(string output)
    {
        foreach (var value in Values)
        {
            Assert.DoesNotContain(value, output, StringComparison.Ordinal);
            Assert.DoesNotContain(value.Replace(" ", "", StringComparison.Ordinal), output, StringComparison.Ordinal);
        }
    }
}
