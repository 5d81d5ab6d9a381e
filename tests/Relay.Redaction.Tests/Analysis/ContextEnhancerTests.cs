using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Analysis;

public sealed class ContextEnhancerTests
{
    private static double Score(string text, string value, params string[] context)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        return Enhance(text, new EntitySpan("TEST", start, start + value.Length, 0.4, "test"), context).Score;
    }

    private static EntitySpan Enhance(string text, EntitySpan span, IReadOnlyList<string> context)
    {
        var spans = new List<EntitySpan> { span };
        ContextEnhancer.EnhanceEach(text, spans, context);
        return spans[0];
    }

    [Theory]
    [InlineData("social security number 078051121", "social security")]
    [InlineData("Social  Security No. 078051121", "social security")]
    [InlineData("SOCIAL-SECURITY: 078051121", "social security")]
    [InlineData("her Steuer-ID lautet 078051121", "steuer-id")]
    [InlineData("her steuer id: 078051121", "steuer-id")]
    [InlineData("D.O.B. 078051121", "d.o.b")]
    [InlineData("SS# 078051121", "ss#")]
    [InlineData("the mac address is 078051121", "mac address")]
    [InlineData("codice fiscale del cliente: 078051121", "codice fiscale")]
    public void Phrase_ConsecutiveWholeWordsBefore_Boosts(string text, string phrase) =>
        Assert.Equal(0.75, Score(text, "078051121", phrase), 3);

    [Theory]
    [InlineData("social media and security 078051121", "social security")]
    [InlineData("security social 078051121", "social security")]
    [InlineData("antisocial security 078051121", "social security")]
    [InlineData("social securityguard 078051121", "social security")]
    [InlineData("class 078051121", "ss#")]
    [InlineData("social security was one two three four five 078051121", "social security")]
    [InlineData("the 078051121 social security", "social security")]
    public void Phrase_NotConsecutiveWholeWordsBefore_DoesNotBoost(string text, string phrase) =>
        Assert.Equal(0.4, Score(text, "078051121", phrase), 3);

    [Fact]
    public void Phrase_EndingAtTheWindowsFifthWord_Boosts() =>
        Assert.Equal(0.75, Score("social security one two three 078051121", "078051121", "social security"), 3);

    [Fact]
    public void OneWord_StillMatchesInsideALongerWord() =>
        Assert.Equal(0.75, Score("Telephone: 078051121", "078051121", "phone"), 3);

    [Theory]
    [InlineData("ITIN 912701234", "itin")]
    [InlineData("itins: 912701234", "itin")]
    [InlineData("taxpayer number 912701234", "tax")]
    [InlineData("IPv4 912701234", "ip")]
    public void ShortOneWord_AtAWordsStart_Boosts(string text, string word) =>
        Assert.Equal(0.75, Score(text, "912701234", word), 3);

    [Theory]
    [InlineData("I am writing 912701234", "itin")]
    [InlineData("the syntax 912701234", "tax")]
    [InlineData("meeting 912701234", "tin")]
    [InlineData("see the message 912701234", "age")]
    [InlineData("zip 912701234", "ip")]
    public void ShortOneWord_InsideAWord_DoesNotBoost(string text, string word) =>
        Assert.Equal(0.4, Score(text, "912701234", word), 3);

    [Fact]
    public void NoContext_LeavesTheScore() =>
        Assert.Equal(0.4, Score("social security 078051121", "078051121"), 3);

    [Fact]
    public void DefaultRecognizers_PlainSsnAfterTheirPhrase_IsLiftedOverTheThreshold()
    {
        // every multi-word context word of the shipped recognizers can now match: before, "social security" could
        // not, and a plain 9-digit SSN after "social security number" stayed at 0.4, below the default threshold
        var ssn = DefaultRecognizers.Create(new RecognizerOptions()).Single(r => r.SupportedEntities.Contains(EntityTypes.UsSsn));
        const string text = "Her Social Security number is 536228741.";
        var found = new List<EntitySpan>();
        ssn.Analyze(text, found);
        var span = Assert.Single(found);
        Assert.Equal(0.4, span.Score, 3);
        Assert.Equal(0.75, Enhance(text, span, ssn.Context).Score, 3);
    }

    [Theory]
    [InlineData("SSNs: 536904399, 536904398, 536904397, 536904396, 536904395, 536904394, 536904393", 7)]
    [InlineData("SSN list:\n- 536904399\n- 536904398\n- 536904397\n- 536904396\n- 536904395\n- 536904394", 6)]
    [InlineData("SSNs 536904399; 536904398 / 536904397, and 536904396 or 536904395 & 536904394, 536904393", 7)]
    [InlineData("SSNs 536904399, 536904398, 536904397, 536904396, but the order ids are 536904395, 536904394", 4)]
    [InlineData("SSNs 536904399, 536904398, 536904397, 536904396. Invoices 536904395, 536904394, 536904393", 4)]
    public void EnhanceEach_ValuesOfAListAfterOneContextWord_AllShareIt(string text, int lifted)
    {
        // The context word is among the five words before the first values only; a value that continues the list (only
        // a list separator before it) shares it, and the list ends at anything else.
        var ssn = DefaultRecognizers.Create(new RecognizerOptions()).Single(r => r.SupportedEntities.Contains(EntityTypes.UsSsn));
        var found = new List<EntitySpan>();
        ssn.Analyze(text, found);
        Assert.All(found, f => Assert.Equal(0.4, f.Score, 3));

        ContextEnhancer.EnhanceEach(text, found, ssn.Context);

        Assert.Equal(lifted, found.Count(f => f.Score > 0.7));
        Assert.Equal(found.OrderBy(f => f.Start).Select(f => f.Score > 0.7), found.Select(f => f.Score > 0.7).Order().Reverse());
    }

    [Theory]
    [InlineData(", ", true)]
    [InlineData("; ", true)]
    [InlineData(" / ", true)]
    [InlineData(", and ", true)]
    [InlineData(" und ", true)]
    [InlineData("\n- ", true)]
    [InlineData("\r\n* ", true)]
    [InlineData(" ", true)]
    [InlineData(", born ", false)]
    [InlineData(". Invoices ", false)]
    [InlineData(" and then also ", false)]
    [InlineData(", , , ", false)]
    public void IsListSeparator_JoinsValuesOnlyWithListPunctuationAndWords(string gap, bool expected)
    {
        var text = "A" + gap + "B";
        Assert.Equal(expected, ContextEnhancer.IsListSeparator(text, 1, 1 + gap.Length));
    }
}

