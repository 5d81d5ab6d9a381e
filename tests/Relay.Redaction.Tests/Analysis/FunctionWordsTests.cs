using StealthRelay.Redaction.Analysis;

namespace StealthRelay.Redaction.Tests.Analysis;

public sealed class FunctionWordsTests
{
    [Theory]
    [InlineData("me")]
    [InlineData("Me")]
    [InlineData("I")]
    [InlineData("us")]
    [InlineData("mich")]
    [InlineData("Ich")]
    [InlineData("nous")]
    [InlineData("hij")]
    [InlineData("The")]
    [InlineData("je .")]
    [InlineData("the , the")]
    [InlineData("Ich + Ich")]
    public void Only_PronounsAndArticles_True(string value) => Assert.True(FunctionWords.Only(value));

    [Theory]
    [InlineData("US")] // the country, not the pronoun
    [InlineData("IT")]
    [InlineData("ME")]
    [InlineData("UN")]
    [InlineData("The Source")]
    [InlineData("Die Prinzen")]
    [InlineData("He")] // also a surname (He Jiankui)
    [InlineData("Le")]
    [InlineData("Ma")]
    [InlineData("Das")]
    [InlineData("Les")]
    [InlineData("Elle")]
    [InlineData("Seine")]
    [InlineData("me 5")]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData("Maria")]
    public void Only_NamesAbbreviationsOrNoWords_False(string value) => Assert.False(FunctionWords.Only(value));
}
