using StealthRelay.Redaction.Ner;

namespace StealthRelay.Redaction.Tests.Ner;

public sealed class EntityDecoderTests
{
    private static readonly string[] Bio = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"];

    [Fact]
    public void Decode_UncertainMiddleWord_KeepsNameWholeWhereArgmaxWouldSplitIt()
    {
        // Word by word the argmax is B-PER, I-LOC, I-PER: "Anna" PERSON, "Maria" LOCATION, "Schmidt" PERSON.
        var spans = Decode(Bio, "Anna Maria Schmidt",
            [0.05f, 0.90f, 0.02f, 0.02f, 0.01f],
            [0.05f, 0.05f, 0.40f, 0.05f, 0.45f],
            [0.05f, 0.02f, 0.90f, 0.02f, 0.01f]);

        Assert.Equal(["PERSON:Anna Maria Schmidt"], spans);
    }

    [Theory]
    [InlineData("I-PER", "I-PER", "PERSON:w0 w1")] // an entity may not start with I-: the likelier way in is B- then I-
    [InlineData("B-PER", "I-LOC", "PERSON:w0|LOCATION:w1")] // I-LOC cannot follow B-PER: the second word starts its own
    [InlineData("B-LOC", "B-LOC", "LOCATION:w0|LOCATION:w1")]
    [InlineData("B-LOC", "I-LOC", "LOCATION:w0 w1")]
    [InlineData("O", "O", "")]
    public void Decode_ConfidentLabels_FollowBio(string first, string second, string expected)
    {
        var spans = Decode(Bio, "w0 w1", Confident(Bio, first), Confident(Bio, second));

        Assert.Equal(expected, string.Join('|', spans));
    }

    [Fact]
    public void Decode_ModelWithoutBeginLabels_LetsInsideStartEntities()
    {
        string[] io = ["O", "PER", "LOC"];

        var spans = Decode(io, "Mary Smith in Paris", Confident(io, "PER"), Confident(io, "PER"), Confident(io, "O"), Confident(io, "LOC"));

        Assert.Equal(["PERSON:Mary Smith", "LOCATION:Paris"], spans);
    }

    [Fact]
    public void Decode_BioesLabels_EndAndSingleCloseEntities()
    {
        string[] bioes = ["O", "B-PER", "I-PER", "E-PER", "S-PER"];

        var spans = Decode(bioes, "Ann Lee Bo Kim",
            Confident(bioes, "B-PER"), Confident(bioes, "E-PER"), Confident(bioes, "S-PER"), Confident(bioes, "S-PER"));

        Assert.Equal(["PERSON:Ann Lee", "PERSON:Bo", "PERSON:Kim"], spans);
    }

    [Fact]
    public void Decode_WordMostLikelyAnEntity_IsNeverDroppedToOutside()
    {
        // "Xi" is most likely I-PER; the best valid path without the rule would read it as O (0.9 x 0.45 beats every
        // way into a PERSON entity); it stays PERSON, now starting its own entity.
        var spans = Decode(Bio, "the Xi",
            [0.9f, 0.001f, 0.001f, 0.049f, 0.049f],
            [0.45f, 0.03f, 0.5f, 0.01f, 0.01f]);

        Assert.Equal(["PERSON:Xi"], spans);
    }

    [Fact]
    public void Decode_EquallyLikelyEntityAndOutside_ChoosesEntity()
    {
        var spans = Decode(Bio, "Jo", [0.4f, 0.4f, 0.1f, 0.05f, 0.05f]);

        Assert.Equal(["PERSON:Jo"], spans);
    }

    [Fact]
    public void Decode_WordWithoutTokens_IsSkippedAndOnlyFirstTokensCount()
    {
        // Tokens: "anna", "schmidt", then a continuation piece of "schmidt" read as O (ignored: only first tokens count);
        // the control word has none.
        var words = Words("Anna \u0001 Schmidt");
        float[] probabilities = [.. Confident(Bio, "B-PER"), .. Confident(Bio, "I-PER"), .. Confident(Bio, "O")];

        var spans = new EntityDecoder(Labels(Bio)).Decode("Anna \u0001 Schmidt", words, Log(probabilities), [0, -1, 1]);

        var span = Assert.Single(spans);
        Assert.Equal((0, 14), (span.Start, span.End));
    }

    [Fact]
    public void Decode_Score_IsMeanProbabilityOfBeingInAnEntityOverWords()
    {
        var words = Words("Anna Schmidt");
        float[] probabilities = [0.2f, 0.7f, 0.1f, 0f, 0f, 0.1f, 0.1f, 0.6f, 0.1f, 0.1f];

        var span = Assert.Single(new EntityDecoder(Labels(Bio)).Decode("Anna Schmidt", words, Log(probabilities), [0, 1]));

        Assert.Equal(EntityTypes.Person, span.Type);
        Assert.Equal(((1 - 0.2) + (1 - 0.1)) / 2, span.Score, 5);
    }

    [Theory]
    [InlineData("Robert Bly - Hart", "I-PER", "B-PER", "PERSON:Robert Bly|PERSON:Hart")] // the list's dash is no part of a name
    [InlineData("Ann Lee , Paris", "I-PER", "I-PER", "PERSON:Ann Lee , Paris")] // a comma inside a span stays
    [InlineData("Ann Lee : Bo", "I-PER", "O", "PERSON:Ann Lee")]
    [InlineData("Ann Lee ( Bo", "I-PER", "O", "PERSON:Ann Lee")] // a bracket opened at the end
    [InlineData("Ann Lee ( Bo )", "I-PER", "I-PER", "PERSON:Ann Lee ( Bo )")] // a bracket closed inside the span stays
    [InlineData("Ann Lee Bo )", "I-PER", "I-PER", "PERSON:Ann Lee Bo")] // a bracket the span did not open goes
    public void Decode_SeparatorAtSpanEdge_IsLeftOut(string text, string third, string fourth, string expected)
    {
        var words = text.Split(' ');
        var rows = new List<float[]> { Confident(Bio, "B-PER"), Confident(Bio, "I-PER"), Confident(Bio, third), Confident(Bio, fourth) };
        while (rows.Count < words.Length)
        {
            rows.Add(Confident(Bio, "I-PER"));
        }

        var spans = Decode(Bio, text, [.. rows]);

        Assert.Equal(expected, string.Join('|', spans));
    }

    [Fact]
    public void Decode_SeparatorAtSpanStart_IsLeftOutAndScoreCountsOnlyWordsKept()
    {
        var words = Words("- Anna");
        float[] probabilities = [0.6f, 0.3f, 0.1f, 0f, 0f, 0.1f, 0.1f, 0.8f, 0f, 0f];

        var span = Assert.Single(new EntityDecoder(Labels(Bio)).Decode("- Anna", words, Log(probabilities), [0, 1]));

        Assert.Equal((2, 6), (span.Start, span.End));
        Assert.Equal(0.9, span.Score, 5);
    }

    [Fact]
    public void Decode_SpanOfSeparatorsOnly_IsDropped()
    {
        var spans = Decode(Bio, "Anna - / Bo", Confident(Bio, "B-PER"), Confident(Bio, "B-LOC"), Confident(Bio, "I-LOC"), Confident(Bio, "O"));

        Assert.Equal(["PERSON:Anna"], spans);
    }

    [Theory]
    [InlineData("Regards\nEmma Jong", "PERSON:Regards|PERSON:Emma Jong")]
    [InlineData("Regards\r\nEmma Jong", "PERSON:Regards|PERSON:Emma Jong")]
    [InlineData("Regards \u2028 Emma Jong", "PERSON:Regards|PERSON:Emma Jong")]
    [InlineData("Regards \t Emma Jong", "PERSON:Regards \t Emma Jong")] // a tab is no line break
    public void Decode_SpanRunningOntoTheNextLine_IsOneSpanPerLine(string text, string expected)
    {
        var words = Words(text);
        float[] probabilities = [.. Confident(Bio, "B-PER"), .. Confident(Bio, "I-PER"), .. Confident(Bio, "I-PER")];

        var spans = new EntityDecoder(Labels(Bio)).Decode(text, words, Log(probabilities), [0, 1, 2]);

        Assert.Equal(expected, string.Join('|', spans.Select(s => $"{s.Type}:{text[s.Start..s.End]}")));
    }

    [Fact]
    public void Decode_LineBreakAfterSeparator_TrimsEachLine()
    {
        var spans = Decode(Bio, "Ann -\nBo Lee ,",
            Confident(Bio, "B-PER"), Confident(Bio, "I-PER"), Confident(Bio, "I-PER"), Confident(Bio, "I-PER"), Confident(Bio, "I-PER"));

        Assert.Equal(["PERSON:Ann", "PERSON:Bo Lee"], spans);
    }

    [Fact]
    public void Decode_InconsistentInputs_Throw()
    {
        var words = Words("a b");
        var decoder = new EntityDecoder(Labels(Bio));

        Assert.ThrowsAny<ArgumentException>(() => decoder.Decode("a b", words, new float[Bio.Length], [0, 1])); // one token, two words' worth
        Assert.ThrowsAny<ArgumentException>(() => decoder.Decode("a b", words, new float[2 * Bio.Length], [0])); // a word without entry
        Assert.ThrowsAny<ArgumentException>(() => decoder.Decode("a b", words, new float[(2 * Bio.Length) + 1], [0, 1])); // ragged rows
        Assert.ThrowsAny<ArgumentException>(() => decoder.Decode("a", words, new float[2 * Bio.Length], [0, 1])); // words past the text
    }

    private static string[] Decode(string[] labels, string text, params float[][] rows)
    {
        var words = Words(text);
        Assert.Equal(words.Length, rows.Length);
        var spans = new EntityDecoder(Labels(labels)).Decode(text, words, Log([.. rows.SelectMany(r => r)]), Enumerable.Range(0, words.Length).ToArray());
        return [.. spans.Select(s => $"{s.Type}:{text[s.Start..s.End]}")];
    }

    private static float[] Log(float[] probabilities) => [.. probabilities.Select(p => MathF.Log(p))];

    private static NerLabel[] Labels(string[] labels) =>
        [.. labels.Select(l => NerLabel.Parse(l, NerOptions.CreateDefaultLabelMap()))];

    /// <summary>0.8 for <paramref name="label"/>, 0.1 for the other labels of its type (as a real model would), the rest spread.</summary>
    private static float[] Confident(string[] labels, string label)
    {
        var type = label.Length > 2 && label[1] == '-' ? label[2..] : label;
        var siblings = labels.Where(l => l != label && l.EndsWith(type, StringComparison.Ordinal) && type != "O").ToArray();
        var others = labels.Length - 1 - siblings.Length;
        return [.. labels.Select(l => l == label ? 0.8f : siblings.Contains(l) ? 0.1f / siblings.Length : (siblings.Length == 0 ? 0.2f : 0.1f) / others)];
    }

    private static WordSpan[] Words(string text)
    {
        var words = new List<WordSpan>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || char.IsWhiteSpace(text[i]))
            {
                if (start >= 0)
                {
                    words.Add(new WordSpan(start, i));
                }

                start = -1;
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return [.. words];
    }
}
