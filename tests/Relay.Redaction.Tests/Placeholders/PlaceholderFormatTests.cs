using StealthRelay.Redaction.Placeholders;

namespace StealthRelay.Redaction.Tests.Placeholders;

public class PlaceholderFormatTests
{
    private static readonly PlaceholderFormat Default = PlaceholderFormat.Get("[{type}_{index}]");

    [Fact]
    public void Format_DefaultFormat_ProducesBracketedTypeAndIndex()
    {
        Assert.Equal("[EMAIL_ADDRESS_1]", Default.Format("EMAIL_ADDRESS", 1));
        Assert.Equal("<<PERSON#12>>", PlaceholderFormat.Get("<<{type}#{index}>>").Format("PERSON", 12));
    }

    [Theory]
    [InlineData("{type}_{index}")]
    [InlineData("[{type}_{index}")]
    [InlineData("[{index}_{type}]")]
    [InlineData("[{type}{index}]")]
    [InlineData("[{type}]")]
    [InlineData("a{type}_{index}]")]
    [InlineData("[{type}_{index}[")]
    [InlineData("\"{type}_{index}\"")]
    public void TryParse_UnusableFormat_ReturnsError(string format)
    {
        Assert.False(PlaceholderFormat.TryParse(format, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("[EMAIL_ADDRESS_1]", 17)]
    [InlineData("[email_address_1]'s", 17)]
    [InlineData("[ EMAIL ADDRESS 1 ] x", 19)]
    [InlineData("[EMAIL_ADDRESS_1", 0)]
    [InlineData("[EMAIL-ADDRESS]", 0)]
    [InlineData("[]", 0)]
    [InlineData("[a.b]", 0)]
    public void MatchLength_LenientMatches_ReturnLengthOrZero(string text, int expected)
    {
        Assert.Equal(expected, Default.MatchLength(text, out _));
    }

    [Theory]
    [InlineData("[", true)]
    [InlineData("[EMA", true)]
    [InlineData("[EMAIL_ADDRESS_1", true)]
    [InlineData("[email address ", true)]
    [InlineData("[EMAIL_ADDRESS_1]", false)]
    [InlineData("[EMA.", false)]
    [InlineData("x", false)]
    public void IsIncompleteMatch_Tails_AreRecognized(string tail, bool expected)
    {
        Assert.Equal(expected, Default.IsIncompleteMatch(tail));
    }

    [Fact]
    public void IsIncompleteMatch_MultiCharacterPrefixAndSuffix_AreRecognized()
    {
        var format = PlaceholderFormat.Get("<<{type}#{index}>>");
        Assert.True(format.IsIncompleteMatch("<"));
        Assert.True(format.IsIncompleteMatch("<<PERSON#1>"));
        Assert.False(format.IsIncompleteMatch("<x"));
        Assert.Equal(12, format.MatchLength("<<person#1>> and more", out _));
    }
}
