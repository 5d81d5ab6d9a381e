using StealthRelay.Redaction.Recognizers.Address;

namespace StealthRelay.Redaction.Tests.Recognizers.Address;

public sealed class ShapeGateTests
{
    private static readonly ShapeGate GermanStreet = ShapeGate.IgnoreCase(ShapeGate.BeforeNumber, "straße", "str.", "ring", "weg");
    private static readonly ShapeGate FrenchType = ShapeGate.IgnoreCase(ShapeGate.BetweenBlanks, "rue", "av.", "place");
    private static readonly ShapeGate SpanishType = ShapeGate.Cased(ShapeGate.WordThenBlank, "calle", "c/", "Via");
    private static readonly string[] Prepositions = ["am", "im", "zum", "beim", "an", "in", "unter", "hinter"];
    private static readonly ShapeGate Preposition = ShapeGate.Capitalized(ShapeGate.WordThenBlank, Prepositions);

    [Theory]
    [InlineData("Ich wohne in der Hauptstraße 5.")]
    [InlineData("Berliner Str.12a")]
    [InlineData("during the outage; later Kaiserring\u00A010")]
    [InlineData("HAUPTSTRASSE 5 or Hauptweg 9")]
    public void Opens_GermanStreetWordBeforeANumber_True(string text) => Assert.True(GermanStreet.Opens(text));

    [Theory]
    [InlineData("2001:db8::8a2e:370:7334 during the outage")]
    [InlineData("the string \"42\" is a substring")]
    [InlineData("Hauptstraße")]
    [InlineData("")]
    public void Opens_GermanStreetWordNotBeforeANumber_False(string text) => Assert.False(GermanStreet.Opens(text));

    [Theory]
    [InlineData("12 rue de la Paix", true)]
    [InlineData("3, av. Victor Hugo", true)]
    [InlineData("the crude oil price rose 12 points", false)]
    [InlineData("rue de la Paix", false)]
    [InlineData("in the marketplace 12 stalls", false)]
    public void Opens_FrenchTypeBetweenBlanks_OnlyThen(string text, bool expected) => Assert.Equal(expected, FrenchType.Opens(text));

    [Theory]
    [InlineData("Calle de Alcalá, 45", true)]
    [InlineData("C/ Mayor 5", true)]
    [InlineData("CALLE MAYOR 5", true)]
    [InlineData("Via Roma 10", true)]
    [InlineData("John Smith called from +1 415-555-0132", false)]
    [InlineData("sent via email 3 times", false)]
    [InlineData("Viale: 3", false)]
    [InlineData("abc/ 12", false)]
    public void Opens_SpanishTypeAsAWholeWord_OnlyThen(string text, bool expected) => Assert.Equal(expected, SpanishType.Opens(text));

    [Theory]
    [InlineData("Am Markt 3", true)]
    [InlineData("AM MARKT 3", true)]
    [InlineData("Wohnt HINTER dem Haus 4", true)]
    [InlineData("wohnt hInter dem Haus 4", false)]
    [InlineData("am Markt 3", false)]
    [InlineData("aM Markt 3", false)]
    [InlineData("in the main plan and an answer", false)]
    [InlineData("Main plan", false)]
    public void Opens_CapitalizedPreposition_OnlyWithAnUpperCaseFirstLetter(string text, bool expected) =>
        Assert.Equal(expected, Preposition.Opens(text));

    [Fact]
    public void Opens_Capitalized_SameAsIgnoreCaseWithAnUpperCaseFirstLetter()
    {
        // The expansion into case forms must neither lose a form nor add one: compared with the case-insensitive gate
        // that checks the first letter itself, on every case form of every word in a few surroundings.
        var reference = ShapeGate.IgnoreCase(
            static (text, start, end) => char.IsUpper(text[start]) && ShapeGate.WordThenBlank(text, start, end), Prepositions);
        var random = new Random(20261123);
        var checkedTexts = 0;
        foreach (var word in Prepositions)
        {
            for (var mask = 0; mask < 1 << word.Length; mask++)
            {
                var form = string.Concat(word.Select((c, i) => (mask & (1 << i)) != 0 ? char.ToUpperInvariant(c) : c));
                foreach (var text in new[] { form + " Markt 3", "x " + form + " y", "x" + form + " y", form, "Wo " + form + "\u00A0z" })
                {
                    Assert.Equal(reference.Opens(text), Preposition.Opens(text));
                    checkedTexts++;
                }
            }
        }

        for (var n = 0; n < 2000; n++)
        {
            var chars = new char[random.Next(1, 24)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = "aAmMiInNuUtTeErRzZbB  .-"[random.Next(24)];
            }

            var text = new string(chars);
            Assert.Equal(reference.Opens(text), Preposition.Opens(text));
        }

        Assert.True(checkedTexts > 500);
    }

    [Theory]
    [InlineData("Le 12 bd Voltaire", true)]
    [InlineData("Le 12 boulevard Voltaire", true)]
    [InlineData("Le 12 place Voltaire", true)]
    [InlineData("called a cab, placed", false)]
    public void Opens_TwoLetterAndLongerWordsInOneGate_BothFound(string text, bool expected) =>
        Assert.Equal(expected, ShapeGate.IgnoreCase(ShapeGate.BetweenBlanks, "bd", "boulevard", "ca", "place").Opens(text));
}
