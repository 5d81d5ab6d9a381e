using StealthRelay.Redaction.Recognizers.Address;

namespace StealthRelay.Redaction.Tests.Recognizers.Address;

public sealed class ShapeGateTests
{
    private static readonly ShapeGate GermanStreet = ShapeGate.IgnoreCase(ShapeGate.BeforeNumber, "straße", "str.", "ring", "weg");
    private static readonly ShapeGate FrenchType = ShapeGate.IgnoreCase(ShapeGate.BetweenBlanks, "rue", "av.", "place");
    private static readonly ShapeGate SpanishType = ShapeGate.Cased(ShapeGate.WordThenBlank, "calle", "c/", "Via");

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
}
