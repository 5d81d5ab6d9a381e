using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Tests.Ner.TestModels;

namespace StealthRelay.Redaction.Tests.Ner;

public sealed class OnnxNerModelLoggingTests
{
    [Fact]
    public void Predict_TenTextsBatchOfFour_RunsThreeBatchesAndLogsNoText()
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.VocabTxt, maxPositions: 8);
        var logger = new ListLogger<OnnxNerModel>();
        using var model = new OnnxNerModel(new NerOptions { ModelPath = tiny.Folder, MaxBatchSize = 4, MaxParallelism = 1 }, logger);
        var texts = Enumerable.Range(0, 9).Select(_ => "John Smith").Append("John Smith in Berlin and Paris , Acme Corp").ToArray();

        model.Predict(texts, CancellationToken.None);

        // The last text has 9 tokens: windows of 6 tokens, overlap 3 -> 2 windows. 11 windows in batches of 4 -> 3 runs.
        Assert.Equal(10, logger.SingleValue(2402, "TextCount"));
        Assert.Equal(11, logger.SingleValue(2402, "WindowCount"));
        Assert.Equal(3, logger.SingleValue(2402, "BatchCount"));
        Assert.Contains(logger.Entries, e => e.Id.Id == 2400);
        Assert.All(logger.Entries, e => Assert.DoesNotContain("John", e.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Constructor_LabelOutsideMap_LogsWarningOnce()
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.TokenizerJson);
        var logger = new ListLogger<OnnxNerModel>();

        using var model = new OnnxNerModel(new NerOptions { ModelPath = tiny.Folder }, logger);

        Assert.Equal(["B-product", "I-product"], logger.Entries.Where(e => e.Id.Id == 2401).Select(e => (string)e.State.First(s => s.Key == "Label").Value!));
    }
}
