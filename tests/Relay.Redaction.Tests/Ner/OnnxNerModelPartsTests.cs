using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Tests.Ner.TestModels;

namespace StealthRelay.Redaction.Tests.Ner;

/// <summary>A prediction cut into parts that run side by side on idle cores (<see cref="NerOptions.MaxParallelism"/>).</summary>
public sealed class OnnxNerModelPartsTests : IDisposable
{
    private readonly TinyNerModel _tiny = TinyNerModel.Create(TinyModelLayout.VocabTxt);

    public void Dispose() => _tiny.Dispose();

    [Fact]
    public void Predict_IdleCores_CutsTextsIntoPartsAndFindsTheSameSpansAsOneThread()
    {
        using var oneThread = new OnnxNerModel(new NerOptions { ModelPath = _tiny.Folder, MaxParallelism = 1 });
        var logger = new ListLogger<OnnxNerModel>();
        using var cut = new OnnxNerModel(new NerOptions { ModelPath = _tiny.Folder, MaxParallelism = 4, WindowStride = 8 }, logger)
        {
            IsThreadPoolBusy = static () => false,
        };
        var texts = new[] { TinyNerModel.LongText(300, 0), "John Smith", TinyNerModel.LongText(170, 5), string.Empty, TinyNerModel.LongText(90, 11) };

        var expected = oneThread.Predict(texts, CancellationToken.None);
        var actual = cut.Predict(texts, CancellationToken.None);

        Assert.Equal(expected, actual);
        Assert.Equal(4, logger.SingleValue(2402, "PartCount"));
        Assert.Equal(24 + 23 + 23, actual[0].Count); // words 0, 13, ..., 299 start a name, 5, 18, ... a city, 9, 22, ... a company
    }

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    public void Predict_EntityOnEverySeam_SameSpansAsOneThread(int shift)
    {
        using var oneThread = new OnnxNerModel(new NerOptions { ModelPath = _tiny.Folder, MaxParallelism = 1 });
        using var cut = new OnnxNerModel(new NerOptions { ModelPath = _tiny.Folder, MaxParallelism = 3, WindowStride = 4 })
        {
            IsThreadPoolBusy = static () => false,
        };
        for (var words = 64; words < 160; words += 9)
        {
            var text = TinyNerModel.LongText(words, shift);

            Assert.Equal(OnnxNerModelTests.Predict(oneThread, text), OnnxNerModelTests.Predict(cut, text));
        }
    }

    [Theory]
    [InlineData(null, 7)] // windows of 10 share 5 tokens (the stride of 64, capped at half a window)
    [InlineData(1, 5)] // the model reads one token: windows share one
    [InlineData(3, 6)]
    public void Predict_ModelDeclaresReceptiveField_WindowsShareThatManyTokensAndFindTheSameSpans(int? receptiveField, int windows)
    {
        // The tiny model reads each token alone, so any receptive field it declares gives the same labels.
        using var small = TinyNerModel.Create(TinyModelLayout.VocabTxt, maxPositions: 12);
        if (receptiveField is { } field)
        {
            TinyNerModel.SetConfig(small.Folder, "receptive_field", field);
        }

        var logger = new ListLogger<OnnxNerModel>();
        using var windowed = new OnnxNerModel(new NerOptions { ModelPath = small.Folder, MaxParallelism = 1 }, logger);
        using var whole = new OnnxNerModel(new NerOptions { ModelPath = _tiny.Folder, MaxParallelism = 1 });
        var text = TinyNerModel.LongText(40);

        Assert.Equal(OnnxNerModelTests.Predict(whole, text), OnnxNerModelTests.Predict(windowed, text));
        Assert.Equal(windows, logger.SingleValue(2402, "WindowCount"));
    }

    [Fact]
    public async Task Predict_AnotherPredictionRunningOnTwoCores_RunsOnTheCallingThreadOnly()
    {
        using var firstIsRunning = new ManualResetEventSlim();
        using var secondIsDone = new ManualResetEventSlim();
        var logger = new ListLogger<OnnxNerModel>();
        var probes = 0;
        using var model = new OnnxNerModel(new NerOptions { ModelPath = _tiny.Folder, MaxParallelism = 2 }, logger)
        {
            IsThreadPoolBusy = () =>
            {
                if (Interlocked.Increment(ref probes) == 1)
                {
                    firstIsRunning.Set(); // the first prediction counts as running from here on
                    Assert.True(secondIsDone.Wait(TimeSpan.FromSeconds(30)));
                }

                return false;
            },
        };

        var first = Task.Run(() => model.Predict([TinyNerModel.LongText(300)], CancellationToken.None));
        Assert.True(firstIsRunning.Wait(TimeSpan.FromSeconds(30)));
        model.Predict([TinyNerModel.LongText(300)], CancellationToken.None);
        secondIsDone.Set();
        await first;

        // The second found no idle core (two cores, one prediction running) and did not even look at the pool; the
        // first, alone when it looked, was cut in two.
        Assert.Equal(1, probes);
        Assert.Equal([1, 2], logger.Values(2402, "PartCount"));
    }

    [Fact]
    public void Predict_ThreadPoolBusy_RunsOnTheCallingThreadOnly()
    {
        var logger = new ListLogger<OnnxNerModel>();
        using var model = new OnnxNerModel(new NerOptions { ModelPath = _tiny.Folder, MaxParallelism = 4 }, logger)
        {
            IsThreadPoolBusy = static () => true,
        };

        model.Predict([TinyNerModel.LongText(300, 0)], CancellationToken.None);

        Assert.Equal(1, logger.SingleValue(2402, "PartCount"));
    }

    [Fact]
    public void Predict_ManyCallersAtOnce_EveryResultEqualsOneThreads()
    {
        using var oneThread = new OnnxNerModel(new NerOptions { ModelPath = _tiny.Folder, MaxParallelism = 1 });
        using var cut = new OnnxNerModel(new NerOptions { ModelPath = _tiny.Folder, MaxParallelism = 8, WindowStride = 8 })
        {
            IsThreadPoolBusy = static () => false,
        };
        var texts = Enumerable.Range(0, 24).Select(i => TinyNerModel.LongText(60 + (i * 17), i)).ToArray();
        var expected = texts.Select(t => OnnxNerModelTests.Predict(oneThread, t)).ToArray();

        var actual = new IReadOnlyList<EntitySpan>[texts.Length * 4];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
            actual[i] = OnnxNerModelTests.Predict(cut, texts[i % texts.Length]));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], actual[i]);
        }
    }

    [Fact]
    public void Predict_CancelledWhileCut_ThrowsCancellationNotAggregateException()
    {
        using var cts = new CancellationTokenSource();
        using var cut = new OnnxNerModel(new NerOptions { ModelPath = _tiny.Folder, MaxParallelism = 4 })
        {
            IsThreadPoolBusy = () =>
            {
                cts.Cancel(); // after the texts are read, before the parts run
                return false;
            },
        };

        var thrown = Record.Exception(() => cut.Predict([TinyNerModel.LongText(300, 0)], cts.Token));

        Assert.IsType<OperationCanceledException>(thrown, exactMatch: false);
    }

    [Fact]
    public void Constructor_NegativeMaxParallelism_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxNerModel(new NerOptions { ModelPath = _tiny.Folder, MaxParallelism = -1 }));
    }
}
