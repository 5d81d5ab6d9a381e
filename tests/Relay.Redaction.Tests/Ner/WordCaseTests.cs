using StealthRelay.Redaction.Ner;

namespace StealthRelay.Redaction.Tests.Ner;

public sealed class WordCaseTests
{
    // The expected classes are what training/ner/nerpipe/tokenizer.py case_id returns for the same words: the model
    // was trained on those, so the runtime must agree word for word.
    [Theory]
    [InlineData("paris", WordCase.Lower)]
    [InlineData("Paris", WordCase.Title)]
    [InlineData("PARIS", WordCase.Upper)]
    [InlineData("Müller", WordCase.Title)]
    [InlineData("MÜLLER", WordCase.Upper)]
    [InlineData("müller", WordCase.Lower)]
    [InlineData("Zu\u0308rich", WordCase.Title)] // a combining mark is not a letter
    [InlineData("McDonald", WordCase.Mixed)]
    [InlineData("iPhone", WordCase.Mixed)]
    [InlineData("x1Y", WordCase.Mixed)]
    [InlineData("A", WordCase.Title)] // one capital letter: an initial, not shouting
    [InlineData("a", WordCase.Lower)]
    [InlineData("221B", WordCase.Title)]
    [InlineData("221b", WordCase.Lower)]
    [InlineData("2024", WordCase.Digit)]
    [InlineData("\u0663", WordCase.Digit)] // Arabic-Indic three
    [InlineData(".", WordCase.Other)]
    [InlineData("-", WordCase.Other)]
    [InlineData("😀", WordCase.Other)]
    [InlineData("東京", WordCase.Lower)] // letters without case
    [InlineData("ß", WordCase.Lower)]
    [InlineData("\u01C4", WordCase.Title)] // Ǆ: one upper-case letter
    [InlineData("\u01C5emal", WordCase.Title)] // ǅ is title-case: counts as upper
    [InlineData("\u200BJohn", WordCase.Title)] // a format char is ignored
    public void Classify_Word_MatchesTrainingPipeline(string word, long expected)
    {
        Assert.Equal(expected, WordCase.Classify(word));
    }
}
