using Microsoft.Extensions.Options;
using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Redaction.Tests.Ner;

/// <summary>The model the product ships (trained by training/ner), loaded through the default path.</summary>
public sealed class ShippedModelTests
{
    [ShippedModelFact]
    public void Predict_ShippedModel_FindsObviousPersonAndCity()
    {
        using var model = new OnnxNerModel(new NerOptions());
        const string Text = "Please forward this to Maria Garcia in Madrid.";

        var spans = model.Predict([Text], CancellationToken.None)[0];

        Assert.Contains(spans, s => s.Type == EntityTypes.Person && Text[s.Start..s.End] == "Maria Garcia");
        Assert.Contains(spans, s => s.Type == EntityTypes.Location && Text[s.Start..s.End] == "Madrid");
        Assert.All(spans, s => Assert.InRange(s.Score, 0.0, 1.0));
    }

    [ShippedModelTheory]
    [InlineData("PLEASE FORWARD THIS TO MARIA GARCIA IN MADRID.")]
    [InlineData("please forward this to maria garcia in madrid.")]
    public void Predict_ShippedModel_AllUpperOrAllLowerText_StillFindsPersonAndCity(string text)
    {
        using var model = new OnnxNerModel(new NerOptions());

        var spans = model.Predict([text], CancellationToken.None)[0];

        Assert.Contains(spans, s => s.Type == EntityTypes.Person && text[s.Start..s.End] == text[23..35]);
        Assert.Contains(spans, s => s.Type == EntityTypes.Location && text[s.Start..s.End] == text[39..45]);
    }

    [ShippedModelFact]
    public void Predict_ShippedModel_CapitalisedGreetingAndWeekday_AreNotEntities()
    {
        using var model = new OnnxNerModel(new NerOptions());
        const string Text = "Hello Maria,\nThanks for the update. Monday works for me.\nBest regards,\nJohn Smith";

        var spans = model.Predict([Text], CancellationToken.None)[0];

        Assert.Equal(
            [(EntityTypes.Person, "Maria"), (EntityTypes.Person, "John Smith")],
            spans.Select(s => (s.Type, Text[s.Start..s.End])));
    }

    [ShippedModelFact]
    public void Predict_ShippedModel_TextLongerThanOneWindow_FindsEntityAtTheEnd()
    {
        using var model = new OnnxNerModel(new NerOptions());
        var filler = string.Concat(Enumerable.Repeat("The weather report said it would rain again today. ", 120));
        var text = filler + "Please forward this to Maria Garcia in Madrid.";

        var spans = model.Predict([text], CancellationToken.None)[0];

        Assert.Contains(spans, s => s.Type == EntityTypes.Person && text[s.Start..s.End] == "Maria Garcia");
    }

    [ShippedModelFact]
    public void Predict_ShippedModel_BatchedEqualsOneByOne()
    {
        using var model = new OnnxNerModel(new NerOptions { MaxBatchSize = 4 });
        string[] texts =
        [
            "Please forward this to Maria Garcia in Madrid.",
            "Anna Schmidt from Siemens AG met John Smith in Paris at 221B Baker Street.",
            "ok",
            "Grüße aus Zürich, Ihr Jan de Vries (Amsterdam) 😀",
            string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet, Peter Müller wohnt in Berlin. ", 60)),
        ];

        var batched = model.Predict(texts, CancellationToken.None);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = model.Predict([texts[i]], CancellationToken.None)[0];
            Assert.Equal(single.Select(s => (s.Type, s.Start, s.End)), batched[i].Select(s => (s.Type, s.Start, s.End)));
            Assert.All(single.Zip(batched[i]), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 4));
        }
    }

    [ShippedModelFact]
    public void Predict_ShippedModel_CutIntoPartsOnIdleCores_SameSpansAsOneThread()
    {
        // The model reads 15 pieces either side (4 convolutions, kernel 3, dilations 1, 2, 4, 8; config.json declares
        // receptive_field 31) and windows share 31 pieces, so cutting must not change any label.
        using var oneThread = new OnnxNerModel(new NerOptions { MaxParallelism = 1 });
        using var cut = new OnnxNerModel(new NerOptions { MaxParallelism = 4 }) { IsThreadPoolBusy = static () => false };
        string[] texts =
        [
            string.Concat(Enumerable.Range(0, 40).Select(i => $"Ticket {i}: Anna Schmidt from Siemens AG called John Smith in Paris. ")),
            "Hallo Jan de Vries, Grüße aus Zürich und Amsterdam!",
            string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet, Peter Müller wohnt in Berlin. ", 25)),
        ];

        var expected = oneThread.Predict(texts, CancellationToken.None);
        var actual = cut.Predict(texts, CancellationToken.None);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i].Select(s => (s.Type, s.Start, s.End)), actual[i].Select(s => (s.Type, s.Start, s.End)));
            Assert.All(expected[i].Zip(actual[i]), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 4));
        }

        Assert.True(expected[0].Count >= 80, $"{expected[0].Count} spans in the ticket list");
    }

    [ShippedModelTheory]
    [InlineData("\uFF2D\uFF59 \uFF4E\uFF41\uFF4D\uFF45 \uFF49\uFF53 \uFF2A\uFF4F\uFF48\uFF4E \uFF33\uFF4D\uFF49\uFF54\uFF48 and I live in London.", "\uFF2A\uFF4F\uFF48\uFF4E \uFF33\uFF4D\uFF49\uFF54\uFF48")]
    [InlineData("Please forward this to Maria&nbsp;Garcia in Madrid.", "Maria&nbsp;Garcia")]
    public async Task AnalyzeAsync_ShippedModel_NameInFullWidthOrHtmlWriting_IsOnePersonAtItsOriginalOffsets(string text, string name)
    {
        // Through the analyzer, the model reads the folded text. Reading the original, it took the full-width name for
        // part of an ORGANIZATION and the HTML one for two ORGANIZATION spans that cut the reference in two.
        using var model = new OnnxNerModel(new NerOptions());
        var analyzer = new PiiAnalyzer([], Options.Create(new RedactionOptions()), TimeProvider.System, nerModel: model);

        var spans = (await analyzer.AnalyzeAsync([text], RedactionPolicy.Default, CancellationToken.None))[0];

        Assert.Contains(spans, s => s.Type == EntityTypes.Person && text[s.Start..s.End] == name);
    }
}
