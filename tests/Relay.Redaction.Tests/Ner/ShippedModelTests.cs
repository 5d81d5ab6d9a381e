using StealthRelay.Redaction.Ner;

namespace StealthRelay.Redaction.Tests.Ner;

/// <summary>The model the product ships (trained by training/ner), loaded through the default path.</summary>
public sealed class ShippedModelTests
{
    [ShippedModelFact]
    public void Predict_ShippedModel_FindsObviousPersonAndCity()
    {
        using var model = new OnnxNerModel(new NerOptions());
        const string Text = "Yesterday John Smith flew from London to Paris to meet our lawyer.";

        var spans = model.Predict([Text], CancellationToken.None)[0];

        Assert.Contains(spans, s => s.Type == EntityTypes.Person && Text[s.Start..s.End] == "John Smith");
        Assert.Contains(spans, s => s.Type == EntityTypes.Location && Text[s.Start..s.End] is "London" or "Paris");
        Assert.All(spans, s => Assert.InRange(s.Score, 0.0, 1.0));
    }

    [ShippedModelFact]
    public void Predict_ShippedModel_TextLongerThanOneWindow_FindsEntityAtTheEnd()
    {
        using var model = new OnnxNerModel(new NerOptions());
        var filler = string.Concat(Enumerable.Repeat("The weather report said it would rain again today. ", 120));
        var text = filler + "Please forward this to Maria Garcia in Madrid.";

        var spans = model.Predict([text], CancellationToken.None)[0];

        Assert.Contains(spans, s => s.Type == EntityTypes.Person && text[s.Start..s.End].Contains("Garcia", StringComparison.Ordinal));
    }
}
