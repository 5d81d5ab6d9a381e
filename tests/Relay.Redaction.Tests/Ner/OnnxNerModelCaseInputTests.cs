using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Tests.Ner.TestModels;

namespace StealthRelay.Redaction.Tests.Ner;

/// <summary>A model with a <c>case_ids</c> input (as the shipped model has) gets each word's case class.</summary>
public sealed class OnnxNerModelCaseInputTests : IDisposable
{
    private readonly TinyNerModel _caseModel = TinyNerModel.Create(TinyModelLayout.CaseIds);

    public void Dispose() => _caseModel.Dispose();

    [Fact]
    public void Predict_ModelWithCaseIdsInput_FeedsCaseOfOriginalWord()
    {
        using var model = OnnxNerModelTests.Load(_caseModel);
        const string Text = "the The THE McThe 2024 john Johnson";

        var spans = OnnxNerModelTests.Predict(model, Text);

        // The tiny model: Title -> B-PER, UPPER -> B-LOC, mIxed -> B-ORG win over the token's own label; lower, digits
        // and special tokens add nothing ("john" keeps its own B-PER). All pieces of "Johnson" are Title.
        Assert.Equal(
            [
                (EntityTypes.Person, "The"), (EntityTypes.Location, "THE"), (EntityTypes.Organization, "McThe"),
                (EntityTypes.Person, "john"), (EntityTypes.Person, "Johnson"),
            ],
            spans.Select(s => (s.Type, Text[s.Start..s.End])));
    }

    [Fact]
    public void Predict_CaseIdsModelWithoutCaseSignal_BehavesLikePlainModel()
    {
        using var plain = TinyNerModel.Create(TinyModelLayout.VocabTxt);
        using var withCase = OnnxNerModelTests.Load(_caseModel);
        using var without = OnnxNerModelTests.Load(plain);
        const string Text = "john smith met mary in berlin at acme corp.";

        Assert.Equal(OnnxNerModelTests.Predict(without, Text), OnnxNerModelTests.Predict(withCase, Text));
        Assert.Equal(4, OnnxNerModelTests.Predict(withCase, Text).Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public void Predict_CaseIdsAcrossWindowsAndPaddedBatches_EqualsSingleWholeText(int stride)
    {
        using var small = TinyNerModel.Create(TinyModelLayout.CaseIds, maxPositions: 10);
        using var windowed = OnnxNerModelTests.Load(small, o =>
        {
            o.WindowStride = stride;
            o.MaxBatchSize = 3;
        });
        using var whole = OnnxNerModelTests.Load(_caseModel);
        string[] cycle = ["The", "THE", "the", "McThe", "in"];
        var texts = Enumerable.Range(0, 9)
            .Select(i => string.Join(' ', Enumerable.Range(0, 5 + (i * 4)).Select(k => cycle[(k + i) % cycle.Length])))
            .ToArray();

        var batched = windowed.Predict(texts, CancellationToken.None);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(OnnxNerModelTests.Predict(whole, texts[i]), batched[i]);
            Assert.Equal(texts[i].Split(' ').Count(w => w is "The" or "THE" or "McThe"), batched[i].Count);
        }
    }
}
