using System.Text;
using StealthRelay.Gateway.Local;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>Positive, negative and near-miss cases for the marking scan (on strings, no server).</summary>
public sealed class ClassificationMarkingScannerTests
{
    private static readonly ClassificationMarkingScanner Defaults = new(ClassificationMarkingScanner.DefaultMarkings);

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"TOP SECRET//NOFORN plan"}]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"(S//NF) plan"}]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"(TS) plan"}]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"SECRET//REL TO USA, GBR"}]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"CONFIDENTIAL"}]}""")]
    [InlineData("""{"input":[{"content":[{"type":"input_text","text":"x ORCON y"}]}]}""")]
    [InlineData("""{"system":"RESTRICTED","messages":[]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"\u0053ECRET"}]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"line\nSECRET\n"}]}""")]
    public void ContainsMarking_Marked_True(string json) => Assert.True(Defaults.ContainsMarking(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"keep it secret"}]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"Secret Santa, Confidential, Restricted"}]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"THE SECRETARY and SECRETS and UNRESTRICTED"}]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"Copyright (C) 2024, section (s)"}]}""")]
    [InlineData("""{"SECRET":"property names are not text"}""")]
    [InlineData("not json SECRET")]
    public void ContainsMarking_NotMarked_False(string json) => Assert.False(Defaults.ContainsMarking(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void ContainsMarking_CustomList_ReplacesDefaults()
    {
        var scanner = new ClassificationMarkingScanner(["VS-NUR FÜR DEN DIENSTGEBRAUCH"]);

        Assert.True(scanner.ContainsMarking(Encoding.UTF8.GetBytes("""{"content":"VS-NUR FÜR DEN DIENSTGEBRAUCH"}""")));
        Assert.False(scanner.ContainsMarking(Encoding.UTF8.GetBytes("""{"content":"TOP SECRET"}""")));
    }
}
