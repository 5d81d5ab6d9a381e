using System.Text.Json;
using StealthRelay.Cli.Commands;
using StealthRelay.Redaction.Tests.Ner.TestModels;

namespace StealthRelay.Cli.Tests.Evaluation;

/// <summary>
/// Runs <c>relay eval</c> with a real generated ONNX model whose predictions are known token by token
/// (john=B-PER, smith=I-PER, mary=I-PER, berlin/zurich=B-LOC, paris=I-LOC, acme=B-ORG, corp=I-ORG, widget=B-MISC).
/// </summary>
public sealed class EvalCommandTests : IDisposable
{
    private const string Bio = """
        en:John	B-PER
        en:Smith	I-PER
        en:lives	O
        en:in	O
        en:Berlin	B-LOC
        en:.	O

        en:Mary	B-PER
        en:met	O
        en:Acme	B-ORG
        en:Corp	O
        en:.	O

        en:the	O
        en:widget	B-MISC
        en:in	O
        en:Paris	B-LOC

        en:John	B-PER
        en:met	O
        en:Zurich	B-ORG

        """;

    private readonly TinyNerModel _model = TinyNerModel.Create(TinyModelLayout.VocabTxt);
    private readonly string _folder = Directory.CreateTempSubdirectory("relay-eval-").FullName;

    public void Dispose()
    {
        _model.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task RunAsync_BioFile_ReportsExactPerTypeAndMicroScores()
    {
        var bio = Write("test.bio", Bio);

        var (code, stdout, _) = await Run("--model", _model.Folder, "--bio", bio, "--format", "json");

        Assert.Equal(0, code);
        var overall = JsonDocument.Parse(stdout).RootElement.GetProperty("overall");
        Assert.Equal(4, overall.GetProperty("sentences").GetInt32());
        var types = overall.GetProperty("types");
        AssertScore(types.GetProperty("PERSON"), tp: 3, fp: 0, fn: 0, 1, 1, 1);
        AssertScore(types.GetProperty("LOCATION"), tp: 2, fp: 1, fn: 0, 2.0 / 3, 1, 0.8);
        AssertScore(types.GetProperty("ORGANIZATION"), tp: 0, fp: 1, fn: 2, 0, 0, 0);
        AssertScore(overall.GetProperty("micro"), tp: 5, fp: 2, fn: 2, 5.0 / 7, 5.0 / 7, 5.0 / 7);

        // Wrong type (Zurich) and boundary (Acme Corp) are exact-match errors, but every gold value would be redacted.
        var organization = types.GetProperty("ORGANIZATION");
        Assert.Equal((2, 0, 0, 1.0), (organization.GetProperty("covered").GetInt32(), organization.GetProperty("partly_covered").GetInt32(),
            organization.GetProperty("missed").GetInt32(), organization.GetProperty("coverage").GetDouble()));
        Assert.Equal(7, overall.GetProperty("micro").GetProperty("covered").GetInt32());
    }

    [Fact]
    public async Task RunAsync_BioAndJsonlWithMaxSentences_ScoresEachSourceAndAll()
    {
        var bio = Write("test.bio", Bio);
        var jsonl = Write("test.jsonl",
            "{\"text\":\"John lives in New York\",\"spans\":[{\"type\":\"PERSON\",\"start\":0,\"end\":4},{\"type\":\"LOCATION\",\"start\":14,\"end\":22}]}\n"
            + "{\"text\":\"Acme Corp and Berlin\",\"spans\":[{\"type\":\"ORGANIZATION\",\"start\":0,\"end\":9}]}\n");

        var (code, stdout, _) = await Run(
            "eval", "--model", _model.Folder, "--bio", bio, "--jsonl", jsonl, "--max-sentences", "2", "--format", "json",
            "--batch-size", "1");

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        var sources = root.GetProperty("sources");
        Assert.Equal(2, sources.GetArrayLength());
        // BIO, first two sentences: PER 2/0/0, LOC 1/0/0, ORG 0/1/1.
        AssertScore(sources[0].GetProperty("micro"), tp: 3, fp: 1, fn: 1, 0.75, 0.75, 0.75);
        // JSONL: PER, LOC "New York", ORG tp; "Berlin" is an extra LOCATION.
        AssertScore(sources[1].GetProperty("micro"), tp: 3, fp: 1, fn: 0, 0.75, 1, 6.0 / 7);
        AssertScore(root.GetProperty("overall").GetProperty("micro"), tp: 6, fp: 2, fn: 1, 0.75, 6.0 / 7, 0.8);
    }

    [Theory]
    [InlineData(false, 0, 1)]
    [InlineData(true, 1, 0)]
    public async Task RunAsync_Analyzer_ScoresRuleRecognizersAndModelTogether(bool analyzer, int emailsFound, int emailsMissed)
    {
        var jsonl = Write("mixed.jsonl",
            "{\"text\":\"Mail jane.doe@example.com about John Smith\",\"spans\":[{\"type\":\"EMAIL_ADDRESS\",\"start\":5,\"end\":25},"
            + "{\"type\":\"PERSON\",\"start\":32,\"end\":42}]}\n");
        string[] args = ["--model", _model.Folder, "--jsonl", jsonl, "--format", "json"];

        var (code, stdout, _) = await Run(analyzer ? [.. args, "--analyzer"] : args);

        Assert.Equal(0, code);
        var types = JsonDocument.Parse(stdout).RootElement.GetProperty("overall").GetProperty("types");
        var email = types.GetProperty("EMAIL_ADDRESS");
        Assert.Equal((emailsFound, emailsMissed), (email.GetProperty("tp").GetInt32(), email.GetProperty("missed").GetInt32()));
        Assert.Equal(1, types.GetProperty("PERSON").GetProperty("tp").GetInt32()); // the model's name either way
    }

    [Fact]
    public async Task RunAsync_Analyzer_EachLineIsItsOwnRequest()
    {
        // In one request a found value is redacted everywhere (value propagation), even where no recognizer would find
        // it (glued to "_1]"). Unrelated test lines must not share that: the second line has no gold and must get no span.
        var jsonl = Write("two.jsonl",
            "{\"text\":\"Mail jane.doe@example.com\",\"spans\":[{\"type\":\"EMAIL_ADDRESS\",\"start\":5,\"end\":25}]}\n"
            + "{\"text\":\"see jane.doe@example.com_1] now\",\"spans\":[]}\n");

        var (code, stdout, _) = await Run("--model", _model.Folder, "--jsonl", jsonl, "--format", "json", "--analyzer");

        Assert.Equal(0, code);
        var email = JsonDocument.Parse(stdout).RootElement.GetProperty("overall").GetProperty("types").GetProperty("EMAIL_ADDRESS");
        Assert.Equal((1, 0), (email.GetProperty("tp").GetInt32(), email.GetProperty("fp").GetInt32()));
    }

    [Fact]
    public async Task RunAsync_AnalyzerWithPolicy_ScoresWhatThatPolicyRedacts()
    {
        var jsonl = Write("names.jsonl",
            "{\"text\":\"John Smith met Mary\",\"spans\":[{\"type\":\"PERSON\",\"start\":0,\"end\":10},{\"type\":\"PERSON\",\"start\":15,\"end\":19}]}\n");
        var policy = Write("policy.json", "{\"AllowList\": [\"John Smith\"]}");

        var (code, stdout, _) = await Run("--model", _model.Folder, "--jsonl", jsonl, "--format", "json", "--analyzer", "--policy", policy);

        Assert.Equal(0, code);
        var person = JsonDocument.Parse(stdout).RootElement.GetProperty("overall").GetProperty("types").GetProperty("PERSON");
        Assert.Equal((1, 1, 1), (person.GetProperty("tp").GetInt32(), person.GetProperty("covered").GetInt32(), person.GetProperty("missed").GetInt32()));
    }

    [Fact]
    public async Task RunAsync_TextFormat_PrintsTable()
    {
        var bio = Write("test.bio", Bio);

        var (code, stdout, _) = await Run("--model", _model.Folder, "--bio", bio);

        Assert.Equal(0, code);
        Assert.Contains("LOCATION             2       3       2       1       0    0.6667  1.0000  0.8000", stdout, StringComparison.Ordinal);
        Assert.Contains("micro avg            7       7       5       2       2    0.7143  0.7143  0.7143", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--model", "x" }, "at least one")]
    [InlineData(new[] { "--bio", "a", "--format", "xml" }, "--format")]
    [InlineData(new[] { "--bio", "a", "--max-sentences", "0" }, "positive")]
    [InlineData(new[] { "--bio" }, "needs a value")]
    [InlineData(new[] { "--wat", "1" }, "unknown option")]
    [InlineData(new[] { "--bio", "a", "--policy", "p.json" }, "--policy applies to --analyzer")]
    [InlineData(new[] { "--bio", "a", "--device", "gpu" }, "--device is cpu or cuda (was 'gpu')")]
    public async Task RunAsync_BadArguments_ExitTwoWithUsage(string[] args, string message)
    {
        var (code, _, stderr) = await Run(args);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Contains("usage: relay eval", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_IncompleteModelFolder_ExitOneWithReason()
    {
        var bio = Write("test.bio", Bio);
        File.Delete(Path.Combine(_model.Folder, "vocab.txt"));

        var (code, _, stderr) = await Run("--model", _model.Folder, "--bio", bio);

        Assert.Equal(1, code);
        Assert.Contains("vocab.txt or tokenizer.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CudaDeviceWithCpuBuild_ExitOneNamingTheGpuBuild()
    {
        // The test build ships the CPU ONNX Runtime, which has no CUDA execution provider.
        var bio = Write("test.bio", Bio);

        var (code, stdout, stderr) = await Run("--model", _model.Folder, "--device", "CUDA", "--bio", bio);

        Assert.Equal(1, code);
        Assert.Contains("Relay:Ner:Device is Cuda but this ONNX Runtime build has no CUDA execution provider", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    private static void AssertScore(JsonElement score, int tp, int fp, int fn, double precision, double recall, double f1)
    {
        Assert.Equal((tp, fp, fn), (score.GetProperty("tp").GetInt32(), score.GetProperty("fp").GetInt32(), score.GetProperty("fn").GetInt32()));
        Assert.Equal(precision, score.GetProperty("precision").GetDouble(), 5);
        Assert.Equal(recall, score.GetProperty("recall").GetDouble(), 5);
        Assert.Equal(f1, score.GetProperty("f1").GetDouble(), 5);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await EvalCommand.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
