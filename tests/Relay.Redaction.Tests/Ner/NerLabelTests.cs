using StealthRelay.Redaction.Ner;

namespace StealthRelay.Redaction.Tests.Ner;

public sealed class NerLabelTests
{
    [Theory]
    [InlineData("O", "Outside", null)]
    [InlineData("B-PER", "Begin", EntityTypes.Person)]
    [InlineData("I-PER", "Inside", EntityTypes.Person)]
    [InlineData("I_LOC", "Inside", EntityTypes.Location)]
    [InlineData("B-person", "Begin", EntityTypes.Person)]
    [InlineData("I-corporation", "Inside", EntityTypes.Organization)]
    [InlineData("B-group", "Begin", EntityTypes.Organization)]
    [InlineData("S-ADDR", "Single", EntityTypes.Address)]
    [InlineData("E-STREET", "End", EntityTypes.Address)]
    [InlineData("U-ORG", "Single", EntityTypes.Organization)]
    [InlineData("PERSON", "Inside", EntityTypes.Person)]
    [InlineData("location", "Inside", EntityTypes.Location)]
    [InlineData("B-MISC", "Outside", null)]
    [InlineData("B-product", "Outside", null)]
    [InlineData("BANANA", "Outside", null)]
    public void Parse_DefaultMap_ResolvesTagAndType(string label, string tag, string? type)
    {
        var parsed = NerLabel.Parse(label, NerOptions.CreateDefaultLabelMap());

        Assert.Equal(new NerLabel(Enum.Parse<BioTag>(tag), type), parsed);
    }

    [Theory]
    [InlineData("B-MISC", true)]
    [InlineData("O", true)]
    [InlineData("B-product", false)]
    public void Parse_ReportsWhetherLabelIsInMap(string label, bool expected)
    {
        NerLabel.Parse(label, NerOptions.CreateDefaultLabelMap(), out var mapped);

        Assert.Equal(expected, mapped);
    }
}
