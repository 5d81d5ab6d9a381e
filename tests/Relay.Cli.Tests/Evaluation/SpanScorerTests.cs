using StealthRelay.Cli.Evaluation;

namespace StealthRelay.Cli.Tests.Evaluation;

public sealed class SpanScorerTests
{
    [Fact]
    public void Add_MixedHitsAndMisses_CountsExactMatchesPerType()
    {
        var scorer = new SpanScorer(["PERSON", "LOCATION"]);

        scorer.Add(
            new string('x', 40),
            [new("PERSON", 0, 4), new("LOCATION", 10, 16), new("PERSON", 20, 25)],
            [new("PERSON", 0, 4), new("LOCATION", 10, 15), new("PERSON", 20, 25), new("ADDRESS", 30, 40)]);
        scorer.Add("abc", [new("LOCATION", 0, 3)], [new("PERSON", 0, 3)]);

        var person = scorer.ByType["PERSON"];
        Assert.Equal((2, 1, 0), (person.TruePositives, person.FalsePositives, person.FalseNegatives));
        var location = scorer.ByType["LOCATION"];
        Assert.Equal((0, 1, 2), (location.TruePositives, location.FalsePositives, location.FalseNegatives));
        Assert.False(scorer.ByType.ContainsKey("ADDRESS"));
        Assert.Equal(2.0 / 3, person.Precision, 10);
        Assert.Equal(1.0, person.Recall, 10);
        Assert.Equal(0.8, person.F1, 10);
        Assert.Equal(0.0, location.F1, 10);
        var micro = scorer.Micro;
        Assert.Equal((2, 2, 2), (micro.TruePositives, micro.FalsePositives, micro.FalseNegatives));
        Assert.Equal(0.5, micro.F1, 10);
        Assert.Equal(2, scorer.Sentences);
    }

    [Fact]
    public void Add_SameSpanPredictedTwice_SecondIsFalsePositive()
    {
        var scorer = new SpanScorer(["PERSON"]);

        scorer.Add("abcd", [new("PERSON", 0, 4)], [new("PERSON", 0, 4), new("PERSON", 0, 4)]);

        Assert.Equal((1, 1, 0), (scorer.Micro.TruePositives, scorer.Micro.FalsePositives, scorer.Micro.FalseNegatives));
    }

    [Fact]
    public void Add_CountsHowMuchOfEachGoldSpanAnyPredictionCovers()
    {
        const string Text = "Anna Maria Schmidt met Bo Ek of Acme Corp in Paris";
        var scorer = new SpanScorer(["PERSON"]);

        scorer.Add(
            Text,
            [new("PERSON", 0, 18), new("PERSON", 23, 28), new("ORGANIZATION", 32, 41), new("LOCATION", 45, 50)],
            [
                new("PERSON", 0, 4), new("LOCATION", 5, 10), new("PERSON", 11, 18), // wrong boundaries and type, all redacted
                new("PERSON", 23, 25), // "Ek" left
                new("ADDRESS", 32, 36), // an unscored type still redacts "Acme"; "Corp" left
            ]);

        var person = scorer.ByType["PERSON"];
        Assert.Equal((1, 1, 0), (person.Covered, person.PartlyCovered, person.Missed));
        Assert.Equal((0, 1, 0), (scorer.ByType["ORGANIZATION"].Covered, scorer.ByType["ORGANIZATION"].PartlyCovered, scorer.ByType["ORGANIZATION"].Missed));
        Assert.Equal(1, scorer.ByType["LOCATION"].Missed);
        Assert.Equal(0.25, scorer.Micro.Coverage, 10);
        Assert.Equal(0.25, scorer.Micro.MissRate, 10);
        Assert.Equal(0, person.TruePositives); // none of it is an exact match
        Assert.Equal(0, scorer.Micro.Spurious); // every prediction touches a gold span
    }

    [Fact]
    public void Add_PredictionTouchingNoGoldSpan_IsSpurious()
    {
        var scorer = new SpanScorer(["PERSON", "LOCATION"]);

        scorer.Add("Hello Anna in Paris", [new("PERSON", 6, 10)], [new("PERSON", 0, 5), new("PERSON", 6, 10), new("LOCATION", 14, 19), new("PERSON", 7, 12)]);

        Assert.Equal((1, 1), (scorer.ByType["PERSON"].Spurious, scorer.ByType["LOCATION"].Spurious));
        Assert.Equal(2, scorer.Micro.Spurious); // "Hello" and "Paris"; "nna i" overlaps Anna: a boundary error, not spurious
        Assert.Equal(3, scorer.Micro.FalsePositives);
    }

    [Fact]
    public void Scores_NothingPredictedOrNoGold_AreZeroNotNaN()
    {
        var score = new TypeScore();

        Assert.Equal((0.0, 0.0, 0.0, 0.0, 0.0), (score.Precision, score.Recall, score.F1, score.Coverage, score.MissRate));
    }
}
