using StealthRelay.LocalFallback.Llama;

namespace StealthRelay.LocalFallback.Tests.Llama;

public sealed class StopSequenceMatcherTests
{
    [Theory]
    [InlineData(new[] { "Hello wor", "ld. Bye" }, "world", "Hello ", true)]
    [InlineData(new[] { "a", "b", "c", "d" }, "bc", "a", true)]
    [InlineData(new[] { "abc" }, "x", "abc", false)]
    [InlineData(new[] { "ab", "ab", "c" }, "abc", "ab", true)]
    [InlineData(new[] { "The end", "ing" }, "The end.", "The ending", false)]
    public void Push_PiecesSplitAnywhere_ReleasesOnlyTextBeforeStop(string[] pieces, string stop, string expected, bool stopped)
    {
        var matcher = new StopSequenceMatcher([stop]);
        var released = string.Empty;
        var found = false;
        foreach (var piece in pieces)
        {
            found = matcher.Push(piece, out var release);
            released += release;
            if (found)
            {
                break;
            }
        }

        if (!found)
        {
            released += matcher.Flush();
        }

        Assert.Equal(stopped, found);
        Assert.Equal(expected, released);
        Assert.Equal(stopped ? stop : null, matcher.Matched);
    }

    [Fact]
    public void Push_HoldsBackPossibleStart_UntilDisproved()
    {
        var matcher = new StopSequenceMatcher(["</s>"]);
        Assert.False(matcher.Push("text <", out var first));
        Assert.Equal("text ", first);
        Assert.False(matcher.Push("b>", out var second));
        Assert.Equal("<b>", second);
    }

    [Fact]
    public void Push_TwoStops_EarliestWins()
    {
        var matcher = new StopSequenceMatcher(["cd", "b"]);
        Assert.True(matcher.Push("abcd", out var release));
        Assert.Equal("a", release);
        Assert.Equal("b", matcher.Matched);
    }
}
