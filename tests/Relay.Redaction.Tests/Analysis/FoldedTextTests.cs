using StealthRelay.Redaction.Analysis;

namespace StealthRelay.Redaction.Tests.Analysis;

public sealed class FoldedTextTests
{
    [Theory]
    [InlineData("plain ASCII text, 4111 1111 1111 1111")]
    [InlineData("")]
    [InlineData("accents é, ß and emoji 😀 are kept")]
    public void Fold_NothingToFold_ReturnsTheSameString(string text) =>
        Assert.Same(text, FoldedText.Fold(text).Text);

    [Theory]
    [InlineData("06\u00A012\u202F34\u200956\u200778", "06 12 34 56 78")]
    [InlineData("\u3000\u1680\u205F\u2000\u200A", "     ")]
    [InlineData("536\u201090\u20114399 \u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D", "536-90-4399 --------")]
    [InlineData("\uFF10\uFF19\uFF21\uFF3A\uFF41\uFF5A\uFF20\uFF0E\uFF01\uFF5E", "09AZaz@.!~")]
    [InlineData("tab\tstays", "tab\tstays")]
    public void Fold_TypographicCharacters_FoldsOneForOne(string text, string expected)
    {
        var folded = FoldedText.Fold(text);

        Assert.Equal(expected, folded.Text);
        var span = new EntitySpan("T", 1, expected.Length - 1, 0.5, "test");
        Assert.Same(span, folded.ToOriginal(span));
    }

    [Fact]
    public void Fold_InvisibleCharacters_LeavesThemOutAndMapsSpansBack()
    {
        const string text = "\uFEFFid 41\u200B11\u00AD22\u200C33\u200D44\u2060 end\u200B";

        var folded = FoldedText.Fold(text);

        Assert.Equal("id 4111223344 end", folded.Text);
        var digits = folded.ToOriginal(new EntitySpan("T", 3, 13, 0.5, "test"));
        Assert.Equal("41\u200B11\u00AD22\u200C33\u200D44", text[digits.Start..digits.End]);
        var end = folded.ToOriginal(new EntitySpan("T", 14, 17, 0.5, "test"));
        Assert.Equal("end", text[end.Start..end.End]);
        var id = folded.ToOriginal(new EntitySpan("T", 0, 2, 0.5, "test"));
        Assert.Equal("id", text[id.Start..id.End]);
    }

    [Fact]
    public void Fold_InvisibleAndFoldedCharacters_DoesBoth()
    {
        const string text = "4111\u00A0\u200B1111\u202F1111\u20091111";

        var folded = FoldedText.Fold(text);

        Assert.Equal("4111 1111 1111 1111", folded.Text);
        var all = folded.ToOriginal(new EntitySpan("T", 0, folded.Text.Length, 0.5, "test"));
        Assert.Equal((0, text.Length), (all.Start, all.End));
    }

    [Fact]
    public void Fold_OnlyInvisibleCharacters_IsEmpty()
    {
        var folded = FoldedText.Fold("\u200B\u200B");

        Assert.Equal(string.Empty, folded.Text);
    }

    [Theory]
    [InlineData("Tel.:&nbsp;+49&nbsp;30&nbsp;1234567", "Tel.: +49 30 1234567")]
    [InlineData("john.doe&#64;example.com, jane&#x40;example.org, jim&commat;example.net", "john.doe@example.com, jane@example.org, jim@example.net")]
    [InlineData("&#160;&#xA0;&thinsp;&ndash;&minus;&shy;&amp;&lt;&gt;&quot;&plus;", "   --&<>\"+")]
    [InlineData("email=john.doe%40example.com&phone=%2B14155550132%20x", "email=john.doe@example.com&phone=+14155550132 x")]
    public void Fold_ReferencesAndEscapes_DecodesThemAndMapsSpansBack(string text, string expected)
    {
        var folded = FoldedText.Fold(text);

        Assert.Equal(expected, folded.Text);
        var all = folded.ToOriginal(new EntitySpan("T", 0, folded.Text.Length, 0.5, "test"));
        Assert.Equal((0, text.Length), (all.Start, all.End));
    }

    [Fact]
    public void Fold_EscapedValue_MapsItsSpanToTheEscapedWriting()
    {
        const string text = "GET /users?email=john.doe%40example.com&x=1";

        var folded = FoldedText.Fold(text);

        var start = folded.Text.IndexOf("john", StringComparison.Ordinal);
        var email = folded.ToOriginal(new EntitySpan("T", start, start + "john.doe@example.com".Length, 0.5, "test"));
        Assert.Equal("john.doe%40example.com", text[email.Start..email.End]);
    }

    [Theory]
    [InlineData("R&D costs 50% more; 100%")]
    [InlineData("a &unknown; entity, &#xZZ; &#; &# &#0; &#xD800; &#99999999; and %zz %7 %0A %FF")]
    [InlineData("AT&T & Co")]
    public void Fold_AmpersandsAndPercentSignsThatStartNothing_ReturnsTheSameString(string text) =>
        Assert.Same(text, FoldedText.Fold(text).Text);

    [Theory]
    [InlineData("1990\u20131995 \u2014 Smith\u2010Jones, 3\u22122")]
    [InlineData("Ann \u2012\u2013\u2014\u2015\uFE58\uFE63 Lee")]
    public void FoldForModel_OnlyDashes_ReturnsTheSameString(string text) =>
        Assert.Same(text, FoldedText.FoldForModel(text).Text);

    [Fact]
    public void FoldForModel_FoldsAllButTheDashes_AndMapsSpansBack()
    {
        const string text = "\uFF2A\uFF4F\uFF48\uFF4E\u00A0Smith\u2013Jones &amp; Jo\u00ADhn&nbsp;Lee \uFF0D &ndash; %20";

        var folded = FoldedText.FoldForModel(text);

        Assert.Equal("John Smith\u2013Jones & John Lee - \u2013  ", folded.Text);
        var start = folded.Text.IndexOf("John Lee", StringComparison.Ordinal);
        var name = folded.ToOriginal(new EntitySpan("T", start, start + "John Lee".Length, 0.5, "test"));
        Assert.Equal("Jo\u00ADhn&nbsp;Lee", text[name.Start..name.End]);
        Assert.Equal("John Smith-Jones & John Lee - -  ", FoldedText.Fold(text).Text);
    }
}
