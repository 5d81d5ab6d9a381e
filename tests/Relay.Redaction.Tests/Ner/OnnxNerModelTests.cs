using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Tests.Ner.TestModels;

namespace StealthRelay.Redaction.Tests.Ner;

public sealed class OnnxNerModelTests : IDisposable
{
    private readonly TinyNerModel _vocabModel = TinyNerModel.Create(TinyModelLayout.VocabTxt);
    private readonly TinyNerModel _jsonModel = TinyNerModel.Create(TinyModelLayout.TokenizerJson);

    public void Dispose()
    {
        _vocabModel.Dispose();
        _jsonModel.Dispose();
    }

    [Theory]
    [InlineData(TinyModelLayout.VocabTxt)]
    [InlineData(TinyModelLayout.TokenizerJson)]
    public void Predict_EitherExportLayout_FindsSameSpans(TinyModelLayout layout)
    {
        using var model = Load(layout == TinyModelLayout.VocabTxt ? _vocabModel : _jsonModel);
        const string Text = "John Smith met Mary in Berlin at Acme Corp.";

        var spans = Predict(model, Text);

        Assert.Equal(
            [
                (EntityTypes.Person, "John Smith"), (EntityTypes.Person, "Mary"), (EntityTypes.Location, "Berlin"),
                (EntityTypes.Organization, "Acme Corp"),
            ],
            spans.Select(s => (s.Type, Text[s.Start..s.End])));
        Assert.All(spans, s => Assert.Equal("ner", s.Source));
        Assert.All(spans, s => Assert.Equal(TinyNerModel.EntityProbability, s.Score, 5));
    }

    [Fact]
    public void Predict_NonAsciiAndEmojiBeforeEntities_OffsetsAreExactUtf16()
    {
        using var model = Load(_vocabModel);
        const string Text = "Grüße 😀 an (John) 東京John in Zürich und Zu\u0308rich.";

        var spans = Predict(model, Text);

        var john = Text.IndexOf("John", StringComparison.Ordinal);
        var secondJohn = Text.IndexOf("John", john + 1, StringComparison.Ordinal);
        var zurich = Text.IndexOf("Zürich", StringComparison.Ordinal);
        var decomposed = Text.IndexOf("Zu\u0308rich", StringComparison.Ordinal);
        Assert.Equal(
            [
                (EntityTypes.Person, john, john + 4), (EntityTypes.Person, secondJohn, secondJohn + 4),
                (EntityTypes.Location, zurich, zurich + 6), (EntityTypes.Location, decomposed, decomposed + 7),
            ],
            spans.Select(s => (s.Type, s.Start, s.End)));
    }

    [Fact]
    public void Predict_WordOfSeveralSubTokens_TakesFirstSubTokenLabelAndWholeWordSpan()
    {
        using var model = Load(_vocabModel);
        const string Text = "the Johnson and Johnny";

        var spans = Predict(model, Text);

        // john=B-PER, ##son=I-LOC, ##ny=O: the word keeps the first sub-token's label and spans all its characters.
        Assert.Equal(
            [(EntityTypes.Person, "Johnson"), (EntityTypes.Person, "Johnny")],
            spans.Select(s => (s.Type, Text[s.Start..s.End])));
    }

    [Theory]
    [InlineData("Johnx")] // '##x' is not in the vocabulary: the whole word is [UNK]
    public void Predict_WordWithUnmatchablePiece_IsUnknown(string word)
    {
        using var model = Load(_vocabModel);

        Assert.Empty(Predict(model, $"the {word} in"));
    }

    [Theory]
    [InlineData("mary smith", "PERSON:mary smith")] // I- without B- starts an entity and I- continues it
    [InlineData("john paris", "PERSON:john|LOCATION:paris")] // type change splits
    [InlineData("zurich berlin", "LOCATION:zurich|LOCATION:berlin")] // B- after B- splits
    [InlineData("berlin paris york", "LOCATION:berlin paris york")] // B- I- I-
    [InlineData("new york , paris", "LOCATION:new york|LOCATION:paris")] // O between: two entities
    [InlineData("widget smith", "PERSON:smith")] // MISC is ignored and does not glue to the next entity
    public void Predict_BrokenBioSequences_AreRepaired(string text, string expected)
    {
        using var model = Load(_vocabModel);

        var spans = Predict(model, text);

        Assert.Equal(expected, string.Join('|', spans.Select(s => $"{s.Type}:{text[s.Start..s.End]}")));
    }

    [Fact]
    public void Predict_Entity_ScoresProbabilityOfBeingAnEntity()
    {
        using var model = Load(_vocabModel);

        var span = Assert.Single(Predict(model, "John Smith"));

        Assert.Equal(TinyNerModel.EntityProbability, span.Score, 6);
        Assert.InRange(span.Score, 0.99, 1.0);
    }

    [Fact]
    public void Predict_TextLongerThanModel_FindsEntitiesInEveryWindowAndAcrossBoundaries()
    {
        // Windows of at most 10 tokens sharing at least 5 (the stride capped at half a window).
        using var small = TinyNerModel.Create(TinyModelLayout.VocabTxt, maxPositions: 12);
        using var windowed = Load(small);
        using var whole = Load(_vocabModel);
        var text = TinyNerModel.LongText(120);

        var actual = Predict(windowed, text);

        Assert.Equal(12, windowed.MaxSequenceLength);
        Assert.Equal(Predict(whole, text), actual);
        Assert.Equal(10, actual.Count(s => s.Type == EntityTypes.Person));
        Assert.Equal(9, actual.Count(s => s.Type == EntityTypes.Location));
        Assert.Equal(9, actual.Count(s => s.Type == EntityTypes.Organization));
        Assert.All(actual.Where(s => s.Type == EntityTypes.Person), s => Assert.Equal("John Smith", text[s.Start..s.End]));
        Assert.All(actual.Where(s => s.Type == EntityTypes.Organization), s => Assert.Equal("Acme Corp", text[s.Start..s.End]));
        var lastJohn = text.LastIndexOf("John", StringComparison.Ordinal);
        Assert.Contains(actual, s => s.Start == lastJohn && s.End == lastJohn + "John Smith".Length);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(17)]
    public void Predict_EntityAtEveryOffsetOfLongText_MatchesSingleWindowResult(int stride)
    {
        using var small = TinyNerModel.Create(TinyModelLayout.VocabTxt, maxPositions: 10);
        using var windowed = Load(small, o => o.WindowStride = stride);
        using var whole = Load(_vocabModel);
        for (var position = 0; position < 30; position++)
        {
            var words = Enumerable.Repeat("the", 30).ToArray();
            words[position] = "Johnson";
            if (position + 1 < words.Length)
            {
                words[position + 1] = "Smith";
            }

            var text = string.Join(' ', words);

            var actual = Predict(windowed, text);

            Assert.Equal(Predict(whole, text), actual);
            var span = Assert.Single(actual);
            Assert.Equal(position + 1 < words.Length ? "Johnson Smith" : "Johnson", text[span.Start..span.End]);
        }
    }

    [Fact]
    public void Predict_ManyTextsInSmallBatches_EqualsOneByOne()
    {
        using var small = TinyNerModel.Create(TinyModelLayout.VocabTxt, maxPositions: 16);
        using var model = Load(small, o => o.MaxBatchSize = 3);
        var texts = Enumerable.Range(0, 40).Select(SampleText).ToArray();

        var batched = model.Predict(texts, CancellationToken.None);

        Assert.Equal(texts.Length, batched.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(model.Predict([texts[i]], CancellationToken.None)[0], batched[i]);
        }

        Assert.Empty(batched[0]);
        Assert.Contains(batched, r => r.Count > 3);
    }

    [Fact]
    public void Predict_FromManyThreads_IsConsistent()
    {
        using var small = TinyNerModel.Create(TinyModelLayout.TokenizerJson, maxPositions: 16);
        using var model = Load(small, o => o.MaxBatchSize = 4);
        var texts = Enumerable.Range(0, 12).Select(SampleText).ToArray();
        var expected = model.Predict(texts, CancellationToken.None);

        var results = new IReadOnlyList<IReadOnlyList<EntitySpan>>[64];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var rotated = texts.Skip(i % texts.Length).Concat(texts.Take(i % texts.Length)).ToArray();
            var predicted = model.Predict(rotated, CancellationToken.None);
            results[i] = predicted.Skip(texts.Length - (i % texts.Length)).Concat(predicted.Take(texts.Length - (i % texts.Length))).ToArray();
        });

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Predict_EmptyAndWhitespaceTexts_ReturnNoSpans()
    {
        using var model = Load(_vocabModel);

        var result = model.Predict(["", "   \n\t", "\u200B", "the in"], CancellationToken.None);

        Assert.All(result, Assert.Empty);
    }

    [Fact]
    public void Predict_OnlyEmptyTexts_ReturnsNoSpansAndRunsNothing()
    {
        var logger = new ListLogger<OnnxNerModel>();
        using var model = new OnnxNerModel(new NerOptions { ModelPath = _vocabModel.Folder }, logger);

        var result = model.Predict(["", " \n", "\u200B"], CancellationToken.None);

        Assert.Equal(3, result.Count);
        Assert.All(result, Assert.Empty);
        Assert.Equal(0, logger.SingleValue(2402, "BatchCount"));
    }

    [Fact]
    public void Predict_CancelledToken_Throws()
    {
        using var model = Load(_vocabModel);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => model.Predict(["John"], cts.Token));
    }

    [Fact]
    public void Predict_AfterDispose_Throws()
    {
        var model = Load(_vocabModel);
        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.Predict(["John"], CancellationToken.None));
    }

    internal static OnnxNerModel Load(TinyNerModel tiny, Action<NerOptions>? configure = null)
    {
        var options = new NerOptions { ModelPath = tiny.Folder };
        configure?.Invoke(options);
        return new OnnxNerModel(options);
    }

    internal static IReadOnlyList<EntitySpan> Predict(OnnxNerModel model, string text) =>
        model.Predict([text], CancellationToken.None)[0];

    private static string SampleText(int i) => i switch
    {
        0 => "nothing here",
        _ when i % 5 == 0 => string.Join(" and ", Enumerable.Repeat("John Smith in Berlin", i % 7 + 1)),
        _ when i % 3 == 0 => "Mary met Acme Corp in New York",
        _ => $"the {i} Johnson , Paris",
    };
}
