using StealthRelay.Redaction.Ner;

namespace StealthRelay.Redaction.Tests.Ner;

public sealed class TokenWindowTests
{
    [Theory]
    [InlineData(0, 10, 4, "")]
    [InlineData(7, 10, 4, "0+7")]
    [InlineData(10, 10, 4, "0+10")]
    [InlineData(11, 10, 4, "0+10,1+10")]
    [InlineData(25, 10, 4, "0+10,6+10,12+10,15+10")]
    [InlineData(25, 10, 99, "0+10,5+10,10+10,15+10")] // overlap capped at half a window
    [InlineData(25, 10, 0, "0+10,10+10,15+10")]
    public void Plan_CoversEveryTokenWithOverlap(int tokens, int window, int overlap, string expected)
    {
        var windows = new List<TokenWindow>();

        TokenWindow.Plan(3, tokens, window, overlap, windows);

        Assert.Equal(expected, string.Join(',', windows.Select(w => $"{w.Start}+{w.Length}")));
        Assert.All(windows, w => Assert.Equal(3, w.TextIndex));
    }

    [Fact]
    public void Centrality_TokenInOverlap_PrefersWindowWhereItIsMoreCentral()
    {
        var first = new TokenWindow(0, 0, 10);
        var second = new TokenWindow(0, 6, 10);

        Assert.Equal((2, 1), (first.Centrality(7), second.Centrality(7)));
        Assert.Equal((0, 3), (first.Centrality(9), second.Centrality(9)));
    }

    [Fact]
    public void Offer_MoreCentralWindow_ReplacesPredictionAndLessCentralDoesNot()
    {
        var encoding = TextEncoding.Encode("x", TinyTokenizer.Tokenizer, withCases: false, labelCount: 3);

        encoding.Offer(0, 1, [0f, 5f, 0f]);
        encoding.Offer(0, 3, [0f, 0f, 5f]);
        encoding.Offer(0, 2, [5f, 0f, 0f]);

        var low = 1 / (Math.Exp(5) + 2);
        Assert.Equal([low, low, Math.Exp(5) * low], encoding.TokenLogProbabilities.Select(p => Math.Exp(p)), new ToleranceComparer(1e-6));
    }

    [Theory]
    [InlineData("500,490,480", 16, "3")] // similar lengths share one call
    [InlineData("500,490,480", 2, "2,1")] // never more rows than the batch size
    [InlineData("300,8", 16, "1,1")] // a short system prompt is not padded to the user prompt's length
    [InlineData("300,260,8,7,6", 16, "2,3")]
    [InlineData("10,9,8,7,2", 16, "4,1")]
    public void BatchLength_GroupsWindowsOfSimilarLength(string lengths, int maxBatch, string expected)
    {
        var windows = lengths.Split(',').Select((l, i) => new TokenWindow(i, 0, int.Parse(l, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var batches = new List<int>();

        for (var start = 0; start < windows.Count; start += batches[^1])
        {
            batches.Add(OnnxNerModel.BatchLength(windows, start, maxBatch));
        }

        Assert.Equal(expected, string.Join(',', batches));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
