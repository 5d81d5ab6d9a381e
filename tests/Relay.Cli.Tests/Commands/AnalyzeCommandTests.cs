using System.Text.Json;

namespace StealthRelay.Cli.Tests.Commands;

/// <summary>The <c>relay analyze</c> JSONL contract evaluation scripts rely on (rule recognizers only: <c>--no-ner</c>).</summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private const string Email = "jane.doe@example.com";
    private const string Card = "4111 1111 1111 1111";

    private readonly string _folder = Directory.CreateTempSubdirectory("relay-analyze-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RunAsync_IdsOfEveryJsonType_ArePreservedVerbatimInInputOrder()
    {
        string[] ids = ["\"a-1\"", "42", "1.50", "-7", "true", "false", "null", "{\"doc\":3,\"part\":[1,2]}", "[\"x\",0]", "\"\""];
        var input = string.Join("\n", ids.Select((id, i) => $"{{\"id\":{id},\"text\":\"line {i} mail {Email}\"}}"));

        var run = await CliRun.RunAsync(input, "analyze", "--input", "-", "--output", "-", "--no-ner");

        Assert.Equal(0, run.ExitCode);
        var lines = OutputLines(run.Stdout);
        Assert.Equal(ids.Length, lines.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            Assert.Equal(ids[i], line.RootElement.GetProperty("id").GetRawText());
            var entity = Assert.Single(line.RootElement.GetProperty("entities").EnumerateArray());
            Assert.Equal("EMAIL_ADDRESS", entity.GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task RunAsync_MoreLinesThanOneBatch_KeepsInputOrder()
    {
        var input = string.Join("\n", Enumerable.Range(0, 75).Select(i => $"{{\"id\":{i},\"text\":\"{(i % 3 == 0 ? Email : "nothing here")}\"}}"));

        var run = await CliRun.RunAsync(input, "analyze", "--input", "-", "--output", "-", "--no-ner");

        Assert.Equal(0, run.ExitCode);
        var lines = OutputLines(run.Stdout);
        Assert.Equal(75, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            Assert.Equal(i, line.RootElement.GetProperty("id").GetInt32());
            Assert.Equal(i % 3 == 0 ? 1 : 0, line.RootElement.GetProperty("entities").GetArrayLength());
        }
    }

    [Fact]
    public async Task RunAsync_ValueFoundOnOneLine_IsNotReportedOnAnotherLine()
    {
        // hunter2 is a secret after "password:" only; each line is a document of its own, so the first line, where it
        // stands alone, has no entity, whether or not the two lines share a batch.
        var input = "{\"id\":1,\"text\":\"the word hunter2 alone\"}\n{\"id\":2,\"text\":\"password: hunter2\"}";

        var run = await CliRun.RunAsync(input, "analyze", "--input", "-", "--output", "-", "--no-ner");

        Assert.Equal(0, run.ExitCode);
        var lines = OutputLines(run.Stdout);
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(0, first.RootElement.GetProperty("entities").GetArrayLength());
        var secret = Assert.Single(second.RootElement.GetProperty("entities").EnumerateArray());
        Assert.Equal("SECRET", secret.GetProperty("type").GetString());
    }

    [Fact]
    public async Task RunAsync_NonAsciiBeforeValues_OffsetsAreUtf16EndExclusive()
    {
        var text = $"Zoë 🙂 naïve — {Email}, card {Card}.";
        var input = JsonSerializer.Serialize(new { id = 1, text });

        var run = await CliRun.RunAsync(input, "analyze", "--input", "-", "--output", "-", "--no-ner");

        Assert.Equal(0, run.ExitCode);
        using var line = JsonDocument.Parse(Assert.Single(OutputLines(run.Stdout)));
        var found = line.RootElement.GetProperty("entities").EnumerateArray()
            .ToDictionary(e => e.GetProperty("type").GetString()!, e => text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]);
        Assert.Equal(Email, found["EMAIL_ADDRESS"]);
        Assert.Equal(Card, found["CREDIT_CARD"]);
        Assert.Equal(text.IndexOf(Email, StringComparison.Ordinal), line.RootElement.GetProperty("entities")[0].GetProperty("start").GetInt32());
    }

    [Fact]
    public async Task RunAsync_FilesInAndOut_WritesJsonlFileAndNothingOnStdout()
    {
        var inPath = Path.Combine(_folder, "in.jsonl");
        var outPath = Path.Combine(_folder, "out.jsonl");
        await File.WriteAllTextAsync(inPath, $"{{\"id\":\"x\",\"text\":\"{Email}\"}}\n\n{{\"id\":\"y\",\"text\":\"none\"}}\n");

        var run = await CliRun.RunAsync("", "analyze", "--input", inPath, "--output", outPath, "--no-ner");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var lines = OutputLines(await File.ReadAllTextAsync(outPath));
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"id\":\"x\",\"entities\":[{\"type\":\"EMAIL_ADDRESS\",\"start\":0,\"end\":20,", lines[0], StringComparison.Ordinal);
        Assert.Equal("{\"id\":\"y\",\"entities\":[]}", lines[1]);
    }

    [Theory]
    [InlineData("{\"id\":3,\"text\":\"secret jane.doe@example.com\"", "not valid JSON")]
    [InlineData("[\"jane.doe@example.com\"]", "expected a JSON object")]
    [InlineData("{\"id\":3,\"text\":[\"jane.doe@example.com\"]}", "\"text\" must be a string")]
    [InlineData("{\"id\":3,\"body\":\"jane.doe@example.com\"}", "\"text\" must be a string")]
    public async Task RunAsync_BadLine_ExitsOneNamingLineNumberWithoutContent(string badLine, string reason)
    {
        var input = $"{{\"id\":1,\"text\":\"fine\"}}\n\n{badLine}\n{{\"id\":4,\"text\":\"fine\"}}";

        var run = await CliRun.RunAsync(input, "analyze", "--input", "-", "--output", "-", "--no-ner");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("line 3", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(reason, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze", "--output", "-")]
    [InlineData("analyze", "--input", "-")]
    [InlineData("analyze", "--input", "-", "--output")]
    [InlineData("analyze", "--input", "-", "--output", "-", "--bogus")]
    [InlineData("redact", "--frobnicate")]
    [InlineData("redact", "--input")]
    [InlineData("analyze", "--input", "-", "--output", "-", "--device", "tpu")]
    [InlineData("redact", "--device")]
    [InlineData("transmogrify")]
    [InlineData]
    public async Task RunAsync_UsageError_ExitsTwo(params string[] args)
    {
        var run = await CliRun.RunAsync($"{{\"id\":1,\"text\":\"{Email}\"}}", args);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain(Email, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingInputFile_ExitsOneNamingIt()
    {
        var missing = Path.Combine(_folder, "missing.jsonl");

        var run = await CliRun.RunAsync("", "analyze", "--input", missing, "--output", "-", "--no-ner");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(missing, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingModelFolder_ExitsOneNamingTheFix()
    {
        var run = await CliRun.RunAsync("{\"id\":1,\"text\":\"x\"}", "analyze", "--input", "-", "--output", "-", "--model", Path.Combine(_folder, "no-model"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Relay:Ner:ModelPath", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("analyze", "--input", "-", "--output", "-")]
    [InlineData("redact")]
    public async Task RunAsync_CudaDeviceWithCpuBuild_ExitsOneWithoutContent(params string[] args)
    {
        // The test build ships the CPU ONNX Runtime, which has no CUDA execution provider.
        var run = await CliRun.RunAsync($"{{\"id\":1,\"text\":\"{Email}\"}}", [.. args, "--device", "cuda"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("this ONNX Runtime build has no CUDA execution provider", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageAndExitsZero()
    {
        var run = await CliRun.RunAsync("", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("relay analyze --input", run.Stdout, StringComparison.Ordinal);
    }

    private static string[] OutputLines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
