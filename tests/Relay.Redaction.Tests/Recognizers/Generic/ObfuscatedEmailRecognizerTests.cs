using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Recognizers.Generic;

namespace StealthRelay.Redaction.Tests.Recognizers.Generic;

public sealed class ObfuscatedEmailRecognizerTests : RecognizerTestBase
{
    protected override IRecognizer CreateRecognizer() => new ObfuscatedEmailRecognizer();

    protected override string EntityType => EntityTypes.EmailAddress;

    protected override (double Min, double Max) DefaultScore => (0.85, 0.85);

    // Like a plain address, the local part takes letters glued before it ("Zqinfo(at)firma.de" is one address).
    protected override bool RequiresWordBoundaries => false;

    protected override IEnumerable<RecognizerCase> Positives =>
    [
        Hit("Impressum. Kontakt: info(at)mueller-gmbh.de, Tel. siehe unten", "info(at)mueller-gmbh.de"),
        Hit("write to jane.doe [at] example [dot] com please", "jane.doe [at] example [dot] com"),
        Hit("max{at}beispiel{punkt}de", "max{at}beispiel{punkt}de"),
        Hit("mail: bob (@) example.org.", "bob (@) example.org"),
        Hit("reach john dot doe (at) gmail (dot) com today", "john dot doe (at) gmail (dot) com"),
        Hit("contact <at> sign: sales<at>acme.co.uk", "sales<at>acme.co.uk"),
        Hit("E-mail: marie.curie (AT) labo (point) fr", "marie.curie (AT) labo (point) fr"),
        Hit("Mail an: p.jansen[at]bedrijf[punt]nl", "p.jansen[at]bedrijf[punt]nl"),
        Hit("ping jane AT example DOT com for access", "jane AT example DOT com"),
        Hit("ping jane AT example (dot) com for access", "jane AT example (dot) com"),
        Hit("owner: ops-team [ at ] corp.example.io", "ops-team [ at ] corp.example.io"),
        Hit("info(at)firma.de.", "info(at)firma.de"),
        Hits("a(at)example.com, b [at] example [dot] net", "a(at)example.com", "b [at] example [dot] net"),

        // The at-sign's name in German, French and Dutch, and the Spanish and Italian dot (missed before session 18).
        Hit("Kontakt: info(ät)mueller-gmbh.de", "info(ät)mueller-gmbh.de"),
        Hit("écrivez à marie.curie (arobase) labo (point) fr", "marie.curie (arobase) labo (point) fr"),
        Hit("mail p.jansen[apenstaartje]bedrijf[punt]nl", "p.jansen[apenstaartje]bedrijf[punt]nl"),
        Hit("escribe a ana.garcia(at)empresa(punto)es", "ana.garcia(at)empresa(punto)es"),
        Hit("KONTAKT: INFO(ÄT)FIRMA.DE", "INFO(ÄT)FIRMA.DE"),
    ];

    protected override IEnumerable<RecognizerCase> Negatives =>
    [
        None("no address here"),
        None("look at the dot com bubble"),
        None("john at gmail dot com"),
        None("LOOK AT THE DOT COM BUBBLE"),
        None("Look AT the dot com bubble"),
        None("we met (at) noon and left"),
        None("func(at) returns a tuple"),
        None("see [at] the bottom"),
        None("jane AT example.com"),
        None("price [at] 5.30 EUR"),
        None("le symbole (arobase) est utilisé"),
        None("Er sagte (ät) und lachte."),
    ];

    protected override IEnumerable<RecognizerCase> NearMisses =>
    [
        None("info(at)localhost"),
        None("info(at)firma.d3"),
        None("info(at)-firma.de"),
        None("john..doe(at)example.com"),
        None("info(at)firma(dot)"),
        None(new string('a', 65) + "(at)example.com"),
        None("user(at)example.c"),
    ];

    [Theory]
    [InlineData("Kontakt: info(at)firma.de", true)]
    [InlineData("jane AT example DOT com", true)]
    [InlineData("sales (@) acme.io", true)]
    [InlineData("info(ät)firma.de", true)]
    [InlineData("info ( Arobase ) firma.fr", true)]
    [InlineData("jan[apenstaartje]bedrijf.nl", true)]
    [InlineData("a (flat) rate and a (chat) window", true)]
    [InlineData("a (note) and [data] with {meta}", false)]
    [InlineData("plain prose (with brackets) and an address jane@example.com", false)]
    [InlineData("nothing at all", false)]
    public void MayHold_GatesOnAnObfuscatedAt(string text, bool expected) =>
        Assert.Equal(expected, ObfuscatedEmailRecognizer.MayHold(text));
}
