using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Analysis;

public class PiiAnalyzerTests
{
    private static PiiAnalyzer Create(INerModel? ner = null, params IRecognizer[] recognizers) =>
        new(recognizers, Options.Create(new RedactionOptions()), TimeProvider.System, nerModel: ner);

    private static async Task<IReadOnlyList<EntitySpan>> AnalyzeOne(PiiAnalyzer analyzer, string text, RedactionPolicy? policy = null) =>
        (await analyzer.AnalyzeAsync([text], policy ?? RedactionPolicy.Default, CancellationToken.None))[0];

    private static string[] Values(string text, IEnumerable<EntitySpan> spans) => spans.Select(s => text[s.Start..s.End]).ToArray();

    [Fact]
    public async Task AnalyzeAsync_Recognizers_FindEntitiesInEveryText()
    {
        var analyzer = Create(null, new EmailTestRecognizer());
        var result = await analyzer.AnalyzeAsync(["write a@x.io", "none here", "b@y.org and c@z.net"], RedactionPolicy.Default, CancellationToken.None);
        Assert.Equal(3, result.Count);
        Assert.Single(result[0]);
        Assert.Empty(result[1]);
        Assert.Equal(["b@y.org", "c@z.net"], Values("b@y.org and c@z.net", result[2]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnalyzeEachAsync_ValueFoundInOneDocument_IsNotMarkedInAnother(bool withModel)
    {
        // The number counts only after its context word, in the first text. As texts of one request, its other
        // occurrence is marked too (propagation); as independent documents, it is not.
        string[] texts = ["my phone: 555 010 0199, again 555 010 0199", "see 555 010 0199 later"];
        var model = withModel ? new FixedNerModel() : null;
        var analyzer = Create(model, new DigitsTestRecognizer(score: 0.4));

        var together = await analyzer.AnalyzeAsync(texts, RedactionPolicy.Default, CancellationToken.None);
        var each = await analyzer.AnalyzeEachAsync(texts, RedactionPolicy.Default, CancellationToken.None);

        Assert.Equal(2, together[0].Count);
        Assert.Single(together[1]);
        Assert.Equal(2, each[0].Count);
        Assert.Empty(each[1]);
        if (model is not null)
        {
            Assert.Equal(2, model.Calls); // the documents still go to the model as one batch
            Assert.Equal(2, model.LastBatchSize);
        }
    }

    [Fact]
    public async Task AnalyzeAsync_ContextWordBefore_RaisesScoreOverThreshold()
    {
        var analyzer = Create(null, new DigitsTestRecognizer(score: 0.4));
        Assert.Empty(await AnalyzeOne(analyzer, "the number is 555 010 0199"));
        var boosted = Assert.Single(await AnalyzeOne(analyzer, "my Phone number is 555 010 0199"));
        Assert.Equal(0.75, boosted.Score, 3);
        Assert.Single(await AnalyzeOne(analyzer, "Telephone: 555 010 0199"));
    }

    [Fact]
    public async Task AnalyzeAsync_ContextWordTooFarBefore_DoesNotBoost()
    {
        var analyzer = Create(null, new DigitsTestRecognizer(score: 0.4));
        Assert.Empty(await AnalyzeOne(analyzer, "phone one two three four five 555 010 0199"));
        Assert.Single(await AnalyzeOne(analyzer, "phone one two three four 555 010 0199"));
    }

    [Fact]
    public async Task AnalyzeAsync_DenyListLiteral_MatchesWholeWordsCaseInsensitively()
    {
        var analyzer = Create();
        var policy = new RedactionPolicy { DenyList = [new DenyRule { Pattern = "Bluebird" }] };
        const string text = "Project BLUEBIRD, not bluebirds or xbluebird; bluebird.";
        var spans = await AnalyzeOne(analyzer, text, policy);
        Assert.Equal(["BLUEBIRD", "bluebird"], Values(text, spans));
        Assert.All(spans, s => Assert.Equal((EntityTypes.Custom, 1.0), (s.Type, s.Score)));
    }

    [Theory]
    [InlineData("Status of Project\u00A0Falcon, please.", "Project\u00A0Falcon")]
    [InlineData("Status of Project\u202FFalcon, please.", "Project\u202FFalcon")]
    [InlineData("Status of Project Fal\u00ADcon, please.", "Project Fal\u00ADcon")]
    [InlineData("Status of Project&nbsp;Falcon, please.", "Project&nbsp;Falcon")]
    [InlineData("Status of PROJECT FALCON, please.", "PROJECT FALCON")]
    public async Task AnalyzeAsync_DenyListTermInTypographicWriting_MatchesTheOriginalWriting(string text, string expected)
    {
        var analyzer = Create();
        foreach (var rule in new[] { new DenyRule { Pattern = "Project Falcon" }, new DenyRule { Pattern = @"project\s+falcon", IsRegex = true } })
        {
            var policy = new RedactionPolicy { DenyList = [rule] };
            var span = Assert.Single(await AnalyzeOne(analyzer, text, policy));
            Assert.Equal(expected, text[span.Start..span.End]);
        }
    }

    [Theory]
    [InlineData("Ask \uFF2A\uFF4F\uFF48\uFF4E \uFF33\uFF4D\uFF49\uFF54\uFF48 today.", "\uFF2A\uFF4F\uFF48\uFF4E \uFF33\uFF4D\uFF49\uFF54\uFF48")]
    [InlineData("Ask John&nbsp;Smith today.", "John&nbsp;Smith")]
    [InlineData("Ask John\u00A0Smith today.", "John\u00A0Smith")]
    [InlineData("Ask Jo\u00ADhn Smith today.", "Jo\u00ADhn Smith")]
    [InlineData("Ask John Smith today.", "John Smith")]
    public async Task AnalyzeAsync_ModelReadsTheFoldedText_SpanIsTheOriginalWriting(string text, string expected)
    {
        // The model sees what the recognizers see: full-width letters, an HTML no-break space or a soft hyphen inside a
        // name no longer hide it (the stand-in, like a model, knows only the plain writing).
        var ner = new FixedNerModel(("John Smith", EntityTypes.Person, 0.95));

        var span = Assert.Single(await AnalyzeOne(Create(ner), text));

        Assert.Equal((EntityTypes.Person, expected), (span.Type, text[span.Start..span.End]));
    }

    [Fact]
    public async Task AnalyzeAsync_ModelSpanPastTheFoldedText_IsKeptInsideIt()
    {
        // A sloppy span from the model is clamped to the folded text before it is mapped back, never dropped.
        var ner = new FixedNerModel(("Smith", EntityTypes.Person, 0.95));
        var analyzer = Create(new SloppyEndModel(ner));
        const string text = "Ask Jo\u00ADhn Smith";

        var span = Assert.Single(await AnalyzeOne(analyzer, text));

        Assert.Equal("Smith", text[span.Start..span.End]);
    }

    /// <summary>Reports every span of the model it wraps as ending five characters past the text it read.</summary>
    private sealed class SloppyEndModel(INerModel inner) : INerModel
    {
        public IReadOnlyList<IReadOnlyList<EntitySpan>> Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
            inner.Predict(texts, cancellationToken)
                .Select((spans, t) => (IReadOnlyList<EntitySpan>)[.. spans.Select(s => s with { End = texts[t].Length + 5 })])
                .ToArray();
    }

    [Fact]
    public async Task AnalyzeAsync_DenyListRegex_MatchesWithRuleType()
    {
        var analyzer = Create();
        var policy = new RedactionPolicy { DenyList = [new DenyRule { Pattern = @"proj-\d{3}", IsRegex = true, EntityType = "PROJECT" }] };
        const string text = "see PROJ-123 and proj-45";
        var span = Assert.Single(await AnalyzeOne(analyzer, text, policy));
        Assert.Equal(("PROJECT", "PROJ-123"), (span.Type, text[span.Start..span.End]));
    }

    [Fact]
    public async Task AnalyzeAsync_EntitySelection_KeepsOnlyListedTypesButAlwaysDenyList()
    {
        var analyzer = Create(null, new EmailTestRecognizer(), new DigitsTestRecognizer(score: 0.9));
        var policy = new RedactionPolicy { Entities = [EntityTypes.PhoneNumber], DenyList = [new DenyRule { Pattern = "acme" }] };
        const string text = "a@x.io 555 010 0199 acme";
        var spans = await AnalyzeOne(analyzer, text, policy);
        Assert.Equal(["555 010 0199", "acme"], Values(text, spans));
    }

    [Fact]
    public async Task AnalyzeAsync_MinScores_PerTypeAndDefault()
    {
        var analyzer = Create(null, new DigitsTestRecognizer(score: 0.6));
        const string text = "555 010 0199";
        Assert.Single(await AnalyzeOne(analyzer, text));
        Assert.Empty(await AnalyzeOne(analyzer, text, new RedactionPolicy { DefaultMinScore = 0.7 }));
        Assert.Empty(await AnalyzeOne(analyzer, text, new RedactionPolicy { MinScores = new Dictionary<string, double> { ["phone_number"] = 0.65 } }));
        Assert.Single(await AnalyzeOne(analyzer, text, new RedactionPolicy { DefaultMinScore = 0.9, MinScores = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { [EntityTypes.PhoneNumber] = 0.5 } }));
    }

    [Fact]
    public async Task AnalyzeAsync_ValidatedRuleOverlapsLongerModelGuess_RuleWins()
    {
        var ner = new FixedNerModel(("Mail ann@corp.example", EntityTypes.Organization, 0.99));
        var analyzer = Create(ner, new EmailTestRecognizer());
        const string text = "Mail ann@corp.example now";
        var span = Assert.Single(await AnalyzeOne(analyzer, text));
        Assert.Equal(EntityTypes.EmailAddress, span.Type);
    }

    [Fact]
    public async Task AnalyzeAsync_WeakRuleOverlapsLongerModelSpan_LongerWins()
    {
        var ner = new FixedNerModel(("Room 5550100199 East", EntityTypes.Location, 0.8));
        var analyzer = Create(ner, new DigitsTestRecognizer(score: 0.6));
        const string text = "at Room 5550100199 East";
        var span = Assert.Single(await AnalyzeOne(analyzer, text));
        Assert.Equal(EntityTypes.Location, span.Type);
    }

    [Fact]
    public async Task AnalyzeAsync_ModelGuessOverlapsRuleHitOfSameType_BothBecomeOneWiderRuleSpan()
    {
        var ner = new FixedNerModel(("Terrace, Springfield", EntityTypes.Address, 0.95), ("Evergreen", EntityTypes.Address, 0.9));
        var analyzer = Create(ner, DefaultRecognizers.Create(new RecognizerOptions()).ToArray());
        const string text = "Send it to 742 Evergreen Terrace, Springfield now";

        var span = Assert.Single(await AnalyzeOne(analyzer, text));

        Assert.Equal("742 Evergreen Terrace, Springfield", text[span.Start..span.End]);
        Assert.Equal(EntityTypes.Address, span.Type);
        Assert.Equal("StreetAddressRecognizer", span.Source);
    }

    [Fact]
    public async Task AnalyzeAsync_ModelGuessOverSameTextAsWeakerRuleHit_RuleTypeWins()
    {
        var ner = new FixedNerModel(("1600 Pennsylvania Avenue", EntityTypes.Organization, 0.72));
        var analyzer = Create(ner, DefaultRecognizers.Create(new RecognizerOptions()).ToArray());
        const string text = "Meet me at 1600 Pennsylvania Avenue today";

        var span = Assert.Single(await AnalyzeOne(analyzer, text));

        Assert.Equal("1600 Pennsylvania Avenue", text[span.Start..span.End]);
        Assert.Equal(EntityTypes.Address, span.Type);
        Assert.True(span.Score < 0.72, "the rule hit should be the weaker one for this test to mean anything");
    }

    [Fact]
    public async Task AnalyzeAsync_SameLengthOverlap_HigherScoreWins()
    {
        var ner = new FixedNerModel(("Paris", EntityTypes.Location, 0.7), ("Paris", EntityTypes.Person, 0.9));
        var analyzer = Create(ner);
        var span = Assert.Single(await AnalyzeOne(analyzer, "Paris Hilton"));
        Assert.Equal(EntityTypes.Person, span.Type);
    }

    [Fact]
    public async Task AnalyzeAsync_ModelGuessOverAPronounOnly_IsDroppedAndNotPropagated()
    {
        // Kept, "me" would be propagated to every "me" of the request under one PERSON placeholder.
        var ner = new FixedNerModel(("Call me", EntityTypes.Person, 0.9), ("Maria", EntityTypes.Person, 0.9), ("US", EntityTypes.Location, 0.9));
        var analyzer = Create(ner);
        const string text = "Call me, Maria. Text me from the US.";

        var spans = await AnalyzeOne(analyzer, text);

        Assert.Equal(["Call me", "Maria", "US"], Values(text, spans));
        var pronounOnly = new FixedNerModel(("me", EntityTypes.Person, 0.9), ("Maria", EntityTypes.Person, 0.9));
        Assert.Equal(["Maria"], Values(text, await AnalyzeOne(Create(pronounOnly), text)));
    }

    [Fact]
    public async Task AnalyzeAsync_RuleOrDenyListHitOverAPronoun_IsKept()
    {
        // Only the model's guesses are filtered: the policy's own deny list still redacts whatever it names.
        var policy = new RedactionPolicy { DenyList = [new DenyRule { Pattern = "us" }] };
        var analyzer = Create(new FixedNerModel(("us", EntityTypes.Organization, 0.9)));
        const string text = "call us back";

        Assert.Equal(["us"], Values(text, await AnalyzeOne(analyzer, text, policy)));
    }

    [Fact]
    public async Task AnalyzeAsync_AllowList_DropsMatchingSpansLast()
    {
        var ner = new FixedNerModel(("Acme", EntityTypes.Organization, 0.9), ("Bob", EntityTypes.Person, 0.9));
        var analyzer = Create(ner);
        var policy = new RedactionPolicy { AllowList = ["ACME"], DenyList = [new DenyRule { Pattern = "acme" }] };
        const string text = "Bob works at Acme";
        Assert.Equal(["Bob"], Values(text, await AnalyzeOne(analyzer, text, policy)));
    }

    [Fact]
    public async Task AnalyzeAsync_ModelRunsOnceForAllTexts()
    {
        var ner = new FixedNerModel(("Bob", EntityTypes.Person, 0.9));
        var analyzer = Create(ner, new EmailTestRecognizer());
        var result = await analyzer.AnalyzeAsync(["Bob", "x", "Bob and Bob"], RedactionPolicy.Default, CancellationToken.None);
        Assert.Equal((1, 3), (ner.Calls, ner.LastBatchSize));
        Assert.Equal(2, result[2].Count);
    }

    [Fact]
    public async Task AnalyzeAsync_OutputIsSortedAndNonOverlapping()
    {
        var ner = new FixedNerModel(("Ann Lee", EntityTypes.Person, 0.8), ("Lee", EntityTypes.Person, 0.95), ("Oslo", EntityTypes.Location, 0.9));
        var analyzer = Create(ner, new EmailTestRecognizer(), new DigitsTestRecognizer(0.9));
        const string text = "Oslo: Ann Lee <ann@lee.example>, 555 010 0199, Lee";
        var spans = await AnalyzeOne(analyzer, text);
        for (var i = 1; i < spans.Count; i++)
        {
            Assert.True(spans[i - 1].End <= spans[i].Start);
        }

        Assert.Equal(["Oslo", "Ann Lee", "ann@lee.example", "555 010 0199", "Lee"], Values(text, spans));
    }

    [Fact]
    public async Task AnalyzeAsync_RecognizerThrows_FailsClosedWithoutContent()
    {
        var analyzer = Create(null, new ThrowingRecognizer());
        var ex = await Assert.ThrowsAsync<RedactionException>(() => analyzer.AnalyzeAsync(["secret ann@x.io"], RedactionPolicy.Default, CancellationToken.None).AsTask());
        Assert.Equal(RedactionFailure.DetectionFailed, ex.Failure);
        Assert.DoesNotContain("ann@x.io", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_ModelThrows_FailsClosed()
    {
        var ner = new FixedNerModel { Throw = () => new InvalidOperationException("bad tensor for ann@x.io") };
        var analyzer = Create(ner);
        var ex = await Assert.ThrowsAsync<RedactionException>(() => analyzer.AnalyzeAsync(["ann@x.io"], RedactionPolicy.Default, CancellationToken.None).AsTask());
        Assert.Equal(RedactionFailure.DetectionFailed, ex.Failure);
        Assert.DoesNotContain("ann@x.io", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_DetectionSlowerThanTimeout_ThrowsTimeout()
    {
        var time = new FakeTimeProvider();
        using var release = new ManualResetEventSlim();
        var analyzer = new PiiAnalyzer([new BlockingRecognizer(release)], Options.Create(new RedactionOptions { DetectionTimeout = TimeSpan.FromSeconds(5) }), time);
        var task = analyzer.AnalyzeAsync(["text"], RedactionPolicy.Default, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(task.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<RedactionException>(() => task);
        release.Set();
        Assert.Equal(RedactionFailure.Timeout, ex.Failure);
    }

    [Fact]
    public async Task AnalyzeAsync_CatastrophicDenyRegex_FailsClosedWithTimeout()
    {
        var analyzer = new PiiAnalyzer([], Options.Create(new RedactionOptions { DetectionTimeout = TimeSpan.FromMilliseconds(200) }), TimeProvider.System);
        var policy = new RedactionPolicy { DenyList = [new DenyRule { Pattern = "(a+)+$", IsRegex = true }] };
        var ex = await Assert.ThrowsAsync<RedactionException>(() => analyzer.AnalyzeAsync([new string('a', 64) + "!"], policy, CancellationToken.None).AsTask());
        Assert.Equal(RedactionFailure.Timeout, ex.Failure);
    }

    [Fact]
    public async Task AnalyzeAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var release = new ManualResetEventSlim();
        var analyzer = new PiiAnalyzer([new BlockingRecognizer(release)], Options.Create(new RedactionOptions()), TimeProvider.System);
        using var cts = new CancellationTokenSource();
        var task = analyzer.AnalyzeAsync(["text"], RedactionPolicy.Default, cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        release.Set();
    }

    [Fact]
    public async Task AnalyzeAsync_WithModel_RecognizersAndModelRunAtTheSameTime()
    {
        // The recognizer waits for the model to have started: run one after the other, this would wait out its 30 s and fail.
        using var modelStarted = new ManualResetEventSlim();
        var ner = new SignallingNerModel(modelStarted, new FixedNerModel(("Oslo", EntityTypes.Location, 0.9)));
        var analyzer = Create(ner, new WaitingRecognizer(modelStarted), new EmailTestRecognizer());
        const string text = "Oslo office: ann@lee.example";
        var spans = await AnalyzeOne(analyzer, text);
        Assert.Equal(["Oslo", "ann@lee.example"], Values(text, spans));
    }

    [Fact]
    public async Task AnalyzeAsync_RecognizerThrowsWhileModelRuns_CancelsTheModelAndFailsClosed()
    {
        var ner = new CancellableNerModel();
        var analyzer = Create(ner, new ThrowingRecognizer());
        var ex = await Assert.ThrowsAsync<RedactionException>(() => analyzer.AnalyzeAsync(["secret ann@x.io"], RedactionPolicy.Default, CancellationToken.None).AsTask());
        Assert.Equal(RedactionFailure.DetectionFailed, ex.Failure);
        // Either the model never started, or it was cancelled and had stopped before the failure surfaced.
        Assert.True(!ner.Started || (ner.SawCancellation && ner.Stopped), "the model kept running after the recognizer failed");
    }

    [Fact]
    public async Task AnalyzeAsync_ModelThrowsWhileRecognizersRun_FailsClosed()
    {
        using var release = new ManualResetEventSlim();
        var ner = new FixedNerModel { Throw = () => { release.Set(); return new InvalidOperationException("bad tensor"); } };
        var analyzer = Create(ner, new BlockingRecognizer(release));
        var ex = await Assert.ThrowsAsync<RedactionException>(() => analyzer.AnalyzeAsync(["ann@x.io"], RedactionPolicy.Default, CancellationToken.None).AsTask());
        Assert.Equal(RedactionFailure.DetectionFailed, ex.Failure);
    }

    [Fact]
    public async Task AnalyzeAsync_SpanPastTheText_IsClampedNotDropped()
    {
        var analyzer = Create(null, new SloppyRecognizer());
        var span = Assert.Single(await AnalyzeOne(analyzer, "abc"));
        Assert.Equal((1, 3), (span.Start, span.End));
    }

    private sealed class ThrowingRecognizer : IRecognizer
    {
        public IReadOnlyList<string> SupportedEntities => [EntityTypes.EmailAddress];

        public IReadOnlyList<string> Context => [];

        public void Analyze(string text, List<EntitySpan> results) => throw new InvalidOperationException("failed on " + text);
    }

    private sealed class BlockingRecognizer(ManualResetEventSlim release) : IRecognizer
    {
        public IReadOnlyList<string> SupportedEntities => [EntityTypes.EmailAddress];

        public IReadOnlyList<string> Context => [];

        public void Analyze(string text, List<EntitySpan> results) => release.Wait(TimeSpan.FromSeconds(30));
    }

    private sealed class SloppyRecognizer : IRecognizer
    {
        public IReadOnlyList<string> SupportedEntities => [EntityTypes.Person];

        public IReadOnlyList<string> Context => [];

        public void Analyze(string text, List<EntitySpan> results) => results.Add(new EntitySpan(EntityTypes.Person, 1, 99, 0.9, "sloppy"));
    }

    private sealed class WaitingRecognizer(ManualResetEventSlim other) : IRecognizer
    {
        public IReadOnlyList<string> SupportedEntities => [EntityTypes.EmailAddress];

        public IReadOnlyList<string> Context => [];

        public void Analyze(string text, List<EntitySpan> results) =>
            Assert.True(other.Wait(TimeSpan.FromSeconds(30)), "the model never started while the recognizers ran");
    }

    private sealed class SignallingNerModel(ManualResetEventSlim started, INerModel inner) : INerModel
    {
        public IReadOnlyList<IReadOnlyList<EntitySpan>> Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            started.Set();
            return inner.Predict(texts, cancellationToken);
        }
    }

    /// <summary>Runs until cancelled (at most 30 s), as a long inference would.</summary>
    private sealed class CancellableNerModel : INerModel
    {
        public volatile bool Started;
        public volatile bool SawCancellation;
        public volatile bool Stopped;

        public IReadOnlyList<IReadOnlyList<EntitySpan>> Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            Started = true;
            try
            {
                SawCancellation = cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                cancellationToken.ThrowIfCancellationRequested();
                return [.. texts.Select(_ => (IReadOnlyList<EntitySpan>)[])];
            }
            finally
            {
                Stopped = true;
            }
        }
    }
}
