using StealthRelay.Redaction.Ner;

namespace StealthRelay.Redaction.Tests.Ner;

public sealed class TokenWindowTests
{
    [Theory]
    [InlineData(0, 10, 4, "")]
    [InlineData(7, 10, 4, "0+7")]
    [InlineData(10, 10, 4, "0+10")]
    [InlineData(11, 10, 4, "0+8,3+8")] // two even windows, not 0+10 and 1+10
    [InlineData(25, 10, 4, "0+10,5+10,10+10,15+10")]
    [InlineData(25, 10, 99, "0+10,5+10,10+10,15+10")] // overlap capped at half a window
    [InlineData(25, 10, 0, "0+9,8+9,16+9")]
    [InlineData(1, 1, 0, "0+1")]
    [InlineData(3, 1, 5, "0+1,1+1,2+1")]
    [InlineData(511, 510, 64, "0+288,223+288")]
    public void Plan_CoversEveryTokenWithEvenOverlappingWindows(int tokens, int window, int overlap, string expected)
    {
        var windows = new List<TokenWindow>();

        TokenWindow.Plan(3, tokens, window, overlap, windows);

        Assert.Equal(expected, string.Join(',', windows.Select(w => $"{w.Start}+{w.Length}")));
        Assert.All(windows, w => Assert.Equal(3, w.TextIndex));
    }

    [Fact]
    public void Plan_AnyLengthWindowAndOverlap_CoversAllTokensWithinTheModelAndSharesTheOverlap()
    {
        var windows = new List<TokenWindow>();
        for (var tokens = 1; tokens < 300; tokens += 7)
        {
            for (var window = 1; window < 80; window += 3)
            {
                for (var overlap = 0; overlap < 50; overlap += 6)
                {
                    windows.Clear();

                    TokenWindow.Plan(0, tokens, window, overlap, windows);

                    var shared = Math.Min(overlap, window / 2);
                    Assert.Equal(0, windows[0].Start);
                    Assert.Equal(tokens, windows[^1].Start + windows[^1].Length);
                    Assert.All(windows, w => Assert.InRange(w.Length, 1, window));
                    for (var i = 1; i < windows.Count; i++)
                    {
                        Assert.True(windows[i - 1].Start + windows[i - 1].Length - windows[i].Start >= shared,
                            $"{tokens} tokens, window {window}, overlap {overlap}: windows {i - 1} and {i} share too little");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(250, 64, 2, 2)] // a 1 KB prompt on two idle cores: two parts
    [InlineData(250, 64, 8, 2)] // more parts would repeat more than half the text's tokens
    [InlineData(120, 64, 2, 1)]
    [InlineData(4000, 64, 8, 8)]
    [InlineData(4000, 64, 1, 1)] // no idle core
    [InlineData(4000, 64, -3, 1)]
    [InlineData(60, 0, 8, 1)] // too few tokens for two parts of 32
    [InlineData(64, 0, 8, 2)]
    public void PartCount_CutsOnlyWhileCoresAreIdleAndRepeatsStaySmall(int tokens, int overlap, int idle, int expected)
    {
        Assert.Equal(expected, OnnxNerModel.PartCount(tokens, overlap, idle));
    }

    [Theory]
    [InlineData(250, 64, 1, 510, 510)]
    [InlineData(250, 64, 2, 510, 157)] // two windows of 157 sharing 64 tokens
    [InlineData(1000, 64, 2, 510, 298)] // two windows of 532 do not fit: four (two per part), not three
    [InlineData(4000, 64, 4, 510, 392)] // 4 or 8 windows do not fit: 12
    [InlineData(4000, 64, 8, 510, 310)] // 8 windows of 556 do not fit: 16
    [InlineData(100, 300, 2, 510, 200)] // longer than the text: the plan makes it one window
    public void WindowLength_CutsIntoAMultipleOfThePartsThatFitsTheModel(int tokens, int overlap, int parts, int max, int expected)
    {
        Assert.Equal(expected, OnnxNerModel.WindowLength(tokens, overlap, parts, max));
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
