using Microsoft.Extensions.Options;
using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>The real analyzer, redactors and restorer wired with the test recognizers.</summary>
internal sealed class TestEngine
{
    public TestEngine(INerModel? ner = null, TimeProvider? time = null, TimeSpan? timeout = null, params IRecognizer[] recognizers)
    {
        var options = Options.Create(new RedactionOptions { DetectionTimeout = timeout ?? TimeSpan.FromSeconds(30) });
        IRecognizer[] all = recognizers.Length > 0 ? recognizers : [new EmailTestRecognizer(), new DigitsTestRecognizer(score: 0.6)];
        Analyzer = new PiiAnalyzer(all, options, time ?? TimeProvider.System, nerModel: ner);
        Requests = new JsonRequestRedactor(Analyzer);
        Text = new TextRedactor(Analyzer);
    }

    public PiiAnalyzer Analyzer { get; }

    public JsonRequestRedactor Requests { get; }

    public TextRedactor Text { get; }

    public ResponseRestorer Restorer { get; } = new();

    /// <summary>Redacts <paramref name="prompt"/> under the default policy: the text is <paramref name="expected"/>, and it restores to the prompt.</summary>
    public async Task AssertRedactsAsync(string prompt, string expected)
    {
        using var result = await Text.RedactAsync(prompt, RedactionPolicy.Default, CancellationToken.None);

        Assert.Equal(expected, result.Text);
        Assert.Equal(prompt, result.Restore(result.Text));
    }
}
