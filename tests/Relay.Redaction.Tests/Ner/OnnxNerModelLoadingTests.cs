using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Tests.Ner.TestModels;

namespace StealthRelay.Redaction.Tests.Ner;

public sealed class OnnxNerModelLoadingTests
{
    [Fact]
    public void LabelMap_Configured_OverridesAndExtendsDefaults()
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.VocabTxt);
        using var model = OnnxNerModelTests.Load(tiny, o =>
        {
            o.LabelMap["PER"] = string.Empty;
            o.LabelMap["misc"] = EntityTypes.Custom;
        });
        const string Text = "John Smith sold a widget in Berlin";

        var spans = OnnxNerModelTests.Predict(model, Text);

        Assert.Equal(
            [(EntityTypes.Custom, "widget"), (EntityTypes.Location, "Berlin")],
            spans.Select(s => (s.Type, Text[s.Start..s.End])));
    }

    [Fact]
    public void LabelMap_CaseSensitiveDictionaryFromBinder_IsStillMatchedIgnoringCase()
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.TokenizerJson);
        using var model = OnnxNerModelTests.Load(tiny, o => o.LabelMap = new Dictionary<string, string>
        {
            ["PERSON"] = "NAME",
            ["Product"] = "PRODUCT",
        });
        const string Text = "John bought a widget from Acme Corp";

        var spans = OnnxNerModelTests.Predict(model, Text);

        Assert.Equal([("NAME", "John"), ("PRODUCT", "widget")], spans.Select(s => (s.Type, Text[s.Start..s.End])));
    }

    [Theory]
    [InlineData(TinyModelLayout.VocabTxt)]
    [InlineData(TinyModelLayout.TokenizerJson)]
    public void Tokenizer_CasedExport_DoesNotLowerCase(TinyModelLayout layout)
    {
        using var tiny = TinyNerModel.Create(layout, lowerCase: false);
        using var model = OnnxNerModelTests.Load(tiny);

        var spans = OnnxNerModelTests.Predict(model, "John met john");

        var span = Assert.Single(spans);
        Assert.Equal((9, 13), (span.Start, span.End));
    }

    [Theory]
    [InlineData("model.onnx", "model.onnx")]
    [InlineData("config.json", "config.json")]
    [InlineData("vocab.txt", "vocab.txt or tokenizer.json")]
    public void Constructor_IncompleteFolder_ThrowsNamingMissingFile(string deleted, string expected)
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.VocabTxt);
        File.Delete(Path.Combine(tiny.Folder, deleted));

        var error = Assert.Throws<NerModelException>(() => OnnxNerModelTests.Load(tiny));

        Assert.Contains("incomplete", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingFolder_ThrowsClearError()
    {
        var options = new NerOptions { ModelPath = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid()) };

        var error = Assert.Throws<NerModelException>(() => new OnnxNerModel(options));

        Assert.Contains("was not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "could not be read")]
    [InlineData("{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}", "only WordPiece")]
    [InlineData("{\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"a\": 0}}}", "no '[CLS]' token")]
    public void Constructor_UnusableTokenizerJson_ThrowsClearError(string content, string expected)
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.TokenizerJson);
        File.WriteAllText(Path.Combine(tiny.Folder, "tokenizer.json"), content);

        var error = Assert.Throws<NerModelException>(() => OnnxNerModelTests.Load(tiny));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ConfigWithoutLabels_ThrowsClearError()
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.VocabTxt);
        File.WriteAllText(Path.Combine(tiny.Folder, "config.json"), "{\"max_position_embeddings\": 512}");

        var error = Assert.Throws<NerModelException>(() => OnnxNerModelTests.Load(tiny));

        Assert.Contains("id2label", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("\"15\"")]
    public void Constructor_ReceptiveFieldNotAPositiveInteger_ThrowsClearError(string value)
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.VocabTxt);
        TinyNerModel.SetConfig(tiny.Folder, "receptive_field", System.Text.Json.Nodes.JsonNode.Parse(value));

        var error = Assert.Throws<NerModelException>(() => OnnxNerModelTests.Load(tiny));

        Assert.Contains("receptive_field must be a positive integer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LabelCountDiffersFromModelOutput_ThrowsClearError()
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.VocabTxt);
        File.WriteAllText(Path.Combine(tiny.Folder, "config.json"), "{\"id2label\": {\"0\": \"O\", \"1\": \"B-PER\"}}");

        var error = Assert.Throws<NerModelException>(() => OnnxNerModelTests.Load(tiny));

        Assert.Contains("9 labels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CudaWithoutCudaProvider_ThrowsClearError()
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.VocabTxt);

        var error = Assert.Throws<NerModelException>(() => OnnxNerModelTests.Load(tiny, o => o.Device = NerDevice.Cuda));

        Assert.Contains("Relay:Ner:Device is Cuda", error.Message, StringComparison.Ordinal);
        Assert.Contains("Build with -p:OnnxRuntimeBackend=cuda", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNerModel_CompleteFolder_RegistersWorkingSingleton()
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.VocabTxt);
        var services = new ServiceCollection();

        services.AddNerModel(o => o.ModelPath = tiny.Folder);

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(INerModel));
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        using var model = (OnnxNerModel)descriptor.ImplementationFactory!(new NoServices());
        Assert.Equal(EntityTypes.Person, Assert.Single(model.Predict(["John"], CancellationToken.None)[0]).Type);
    }

    [Fact]
    public void AddNerModel_NumbersOutOfRange_ThrowsNamingEveryOneAtStartUp()
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.VocabTxt);

        var error = Assert.Throws<NerModelException>(() => new ServiceCollection().AddNerModel(o =>
        {
            o.ModelPath = tiny.Folder;
            o.MaxBatchSize = 0;
            o.WindowStride = -1;
            o.MaxParallelism = -2;
            o.IntraOpThreads = -3;
        }));

        Assert.Contains("Relay:Ner:MaxBatchSize is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Relay:Ner:WindowStride is -1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Relay:Ner:MaxParallelism is -2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Relay:Ner:IntraOpThreads is -3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNerModel_Disabled_RegistersNothing()
    {
        var services = new ServiceCollection();

        services.AddNerModel(o =>
        {
            o.Enabled = false;
            o.ModelPath = "/no/such/folder";
        });

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(INerModel));
    }

    [Fact]
    public void AddNerModel_ConfiguredFolderMissingOrIncomplete_ThrowsAtStartUp()
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.TokenizerJson);
        File.Delete(Path.Combine(tiny.Folder, "tokenizer.json"));

        Assert.Throws<NerModelException>(() => new ServiceCollection().AddNerModel(o => o.ModelPath = "/no/such/folder"));
        var error = Assert.Throws<NerModelException>(() => new ServiceCollection().AddNerModel(o => o.ModelPath = tiny.Folder));
        Assert.Contains("vocab.txt or tokenizer.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNerModel_EnabledAndShippedModelMissing_ThrowsNamingTheFix()
    {
        var error = Assert.Throws<NerModelException>(() => NerServiceCollectionExtensions.AddNerModel(new ServiceCollection(), configure: null, resolveFolder: _ => null));

        Assert.Contains(NerOptions.DefaultModelFolder, error.Message, StringComparison.Ordinal);
        Assert.Contains("Relay:Ner:ModelPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("Relay:Ner:Enabled=false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNerModel_ConfiguredFolderMissing_MessageNamesModelPathAndEnabled()
    {
        var error = Assert.Throws<NerModelException>(() => new ServiceCollection().AddNerModel(o => o.ModelPath = "/no/such/folder"));

        Assert.Contains("Relay:Ner:ModelPath '/no/such/folder'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Relay:Ner:Enabled=false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNerModel_Defaults_RegistersTheShippedModel()
    {
        var services = new ServiceCollection();

        services.AddNerModel();

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(INerModel));
        using var model = (OnnxNerModel)descriptor.ImplementationFactory!(new NoServices());
        Assert.EndsWith(Path.Combine("models", "stealthrelay-ner"), model.ModelFolder, StringComparison.Ordinal);
    }

    /// <summary>A provider with no services: the factory then logs nowhere.</summary>
    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
