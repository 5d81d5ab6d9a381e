using StealthRelay.Redaction.Ner;

namespace StealthRelay.Redaction.Tests.Ner;

public sealed class BertPreTokenizerTests
{
    [Theory]
    [InlineData("Hello, world!", "Hello|,|world|!")]
    [InlineData("  a\tb\r\nc  ", "a|b|c")]
    [InlineData("e-mail: x@y.de", "e|-|mail|:|x|@|y|.|de")]
    [InlineData("東京tower", "東|京|tower")]
    [InlineData("😀John", "😀John")]
    [InlineData("a\u00A0b\u3000c", "a|b|c")] // Zs separators split
    [InlineData("a\u000Bb\u200Bc", "a\u000Bb\u200Bc")] // control/format characters do not split (BERT drops them)
    [InlineData("«Zürich»", "«|Zürich|»")]
    public void Split_BertRules_WordsAndOffsets(string text, string expected)
    {
        var words = new List<WordSpan>();

        BertPreTokenizer.Split(text, words);

        Assert.Equal(expected, string.Join('|', words.Select(w => text[w.Start..w.End])));
    }

    [Theory]
    [InlineData("Zürich", true, true, "zurich")]
    [InlineData("Zu\u0308rich", true, true, "zurich")]
    [InlineData("Zürich", false, false, "Zürich")]
    [InlineData("ÉCOLE", true, false, "école")]
    [InlineData("a\u000Bb\u200Bc", true, true, "abc")]
    [InlineData("ABC", true, true, "abc")]
    [InlineData("\u200B", true, true, "")]
    [InlineData("İstanbul", true, true, "istanbul")] // Python lower(): "i\u0307", then the mark is stripped
    [InlineData("ΣΑΣ", true, false, "σας")] // Python lower(): final sigma
    public void Normalize_LowerCaseAndAccents_AsConfigured(string word, bool lower, bool strip, string expected)
    {
        Assert.Equal(expected, BertPreTokenizer.Normalize(word, lower, strip));
    }
}
