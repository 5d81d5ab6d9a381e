using StealthRelay.Cli.Evaluation;

namespace StealthRelay.Cli.Tests.Evaluation;

public sealed class FileReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("relay-eval-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void BioFileReader_WikiAnnFile_StripsLanguagePrefixAndComputesCharSpans()
    {
        var path = Write("wikiann.bio",
            "en:Angela\tB-PER\nen:Merkel\tI-PER\nen:visited\tO\nen:New\tB-LOC\nen:York\tI-LOC\nen::\tO\n\n"
            + "en:UN\tI-ORG\nen:en:x\tO\n");

        var sentences = BioFileReader.Read(path, new GoldTagMap(), int.MaxValue);

        Assert.Equal(2, sentences.Count);
        Assert.Equal("Angela Merkel visited New York :", sentences[0].Text);
        Assert.Equal([new GoldSpan("PERSON", 0, 13), new GoldSpan("LOCATION", 22, 30)], sentences[0].Spans);
        Assert.Equal("UN en:x", sentences[1].Text);
        Assert.Equal([new GoldSpan("ORGANIZATION", 0, 2)], sentences[1].Spans);
    }

    [Fact]
    public void BioFileReader_WnutFile_MapsWnutTypesAndIgnoresOthers()
    {
        var path = Write("wnut.conll",
            "http://x.co\tO\n@bob\tB-person\nat\tO\nGoogle\tB-corporation\nIphone\tB-product\nthe\tB-group\nBeatles\tI-group\n"
            + "Paris\tI-location\nRome\tB-location\n");

        var sentence = Assert.Single(BioFileReader.Read(path, new GoldTagMap(), int.MaxValue));

        Assert.StartsWith("http://x.co @bob", sentence.Text, StringComparison.Ordinal);
        Assert.Equal(
            ["PERSON:@bob", "ORGANIZATION:Google", "ORGANIZATION:the Beatles", "LOCATION:Paris", "LOCATION:Rome"],
            sentence.Spans.Select(s => $"{s.Type}:{sentence.Text[s.Start..s.End]}"));
    }

    [Fact]
    public void BioFileReader_CustomMapAndMaxSentences_AreHonoured()
    {
        var path = Write("a.bio", "Iphone\tB-product\n\nBob\tB-person\n\nAlice\tB-person\n");
        var map = new GoldTagMap([new("product", "PRODUCT"), new("person", "")]);

        var sentences = BioFileReader.Read(path, map, maxSentences: 2);

        Assert.Equal(2, sentences.Count);
        Assert.Equal([new GoldSpan("PRODUCT", 0, 6)], sentences[0].Spans);
        Assert.Empty(sentences[1].Spans);
    }

    [Fact]
    public void JsonlSpanReader_ReadsSpansAndRejectsOutOfRange()
    {
        var good = Write("good.jsonl",
            "{\"text\":\"Bob in Paris\",\"spans\":[{\"type\":\"PERSON\",\"start\":0,\"end\":3},{\"type\":\"LOCATION\",\"start\":7,\"end\":12}]}\n\n"
            + "{\"text\":\"nothing\",\"spans\":[]}\n");
        var bad = Write("bad.jsonl", "{\"text\":\"Bob\",\"spans\":[{\"type\":\"PERSON\",\"start\":0,\"end\":9}]}\n");

        var sentences = JsonlSpanReader.Read(good, int.MaxValue);

        Assert.Equal(2, sentences.Count);
        Assert.Equal([new GoldSpan("PERSON", 0, 3), new GoldSpan("LOCATION", 7, 12)], sentences[0].Spans);
        Assert.Throws<FormatException>(() => JsonlSpanReader.Read(bad, int.MaxValue));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
