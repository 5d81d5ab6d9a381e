using System.Globalization;
using System.Text;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Redaction.Tests.Recognizers;

/// <summary>
/// The table-driven contract every rule recognizer passes (Presidio style): positives are found with exactly the
/// expected spans and scores, negatives and near misses (right shape, failed validation) produce nothing, metadata is
/// well-formed, results are appended, and a value glued into a longer alphanumeric run is not reported.
/// </summary>
public abstract class RecognizerTestBase
{
    /// <summary>A fresh instance of the recognizer under test.</summary>
    protected abstract IRecognizer CreateRecognizer();

    /// <summary>The entity type the tables below default to.</summary>
    protected abstract string EntityType { get; }

    /// <summary>The score range a positive gets unless the row says otherwise.</summary>
    protected virtual (double Min, double Max) DefaultScore => (0.9, 1.0);

    /// <summary>Texts with at least one entity, each with exactly the spans expected.</summary>
    protected abstract IEnumerable<RecognizerCase> Positives { get; }

    /// <summary>Texts that hold nothing of this type.</summary>
    protected abstract IEnumerable<RecognizerCase> Negatives { get; }

    /// <summary>Texts with the right shape that fail validation (checksum, ranges, prefixes): must not be tagged.</summary>
    protected abstract IEnumerable<RecognizerCase> NearMisses { get; }

    /// <summary>Whether gluing a positive value between letters/digits must hide it (false for URL-like entities).</summary>
    protected virtual bool RequiresWordBoundaries => true;

    [Fact]
    public void Analyze_Positives_FindExactlyTheExpectedSpans()
    {
        var failures = RunTable(Positives);
        Assert.True(failures.Length == 0, failures);
        Assert.NotEmpty(Positives);
    }

    [Fact]
    public void Analyze_Negatives_FindNothing()
    {
        var failures = RunTable(Negatives.Select(c => c with { Expected = [] }));
        Assert.True(failures.Length == 0, failures);
        Assert.NotEmpty(Negatives);
    }

    [Fact]
    public void Analyze_NearMissesThatFailValidation_FindNothing()
    {
        var failures = RunTable(NearMisses.Select(c => c with { Expected = [] }));
        Assert.True(failures.Length == 0, failures);
        Assert.NotEmpty(NearMisses);
    }

    [Fact]
    public void Analyze_ValueGluedIntoLongerAlphanumericRun_IsNotReported()
    {
        if (!RequiresWordBoundaries)
        {
            return;
        }

        var recognizer = CreateRecognizer();
        var failures = new StringBuilder();
        foreach (var row in Positives)
        {
            foreach (var expected in row.Expected)
            {
                var value = row.Text[expected.Start..expected.End];
                foreach (var glued in new[] { "Zq" + value, value + "qZ", "x" + value + "9" })
                {
                    var found = new List<EntitySpan>();
                    recognizer.Analyze(glued, found);
                    if (found.Any(s => s.Type == expected.Type))
                    {
                        failures.AppendLine(CultureInfo.InvariantCulture, $"\"{glued}\" -> {string.Join(", ", found)}");
                    }
                }
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public void Analyze_ExistingResults_AreKeptAndNewOnesAppended()
    {
        var recognizer = CreateRecognizer();
        var row = Positives.First();
        var sentinel = new EntitySpan("SENTINEL", 0, 1, 1, "test");
        var results = new List<EntitySpan> { sentinel };

        recognizer.Analyze(row.Text, results);

        Assert.Same(sentinel, results[0]);
        Assert.Equal(row.Expected.Count + 1, results.Count);
    }

    [Fact]
    public void Analyze_EmptyAndWhitespaceText_FindNothing()
    {
        var recognizer = CreateRecognizer();
        var results = new List<EntitySpan>();
        recognizer.Analyze("", results);
        recognizer.Analyze(" \n\t ", results);
        Assert.Empty(results);
    }

    [Fact]
    public void Metadata_SourceEntitiesAndContext_AreWellFormed()
    {
        var recognizer = CreateRecognizer();
        Assert.Contains(EntityType, recognizer.SupportedEntities);
        Assert.NotEmpty(recognizer.Context);
        Assert.All(recognizer.Context, word => Assert.Equal(word.ToLowerInvariant(), word));

        var results = new List<EntitySpan>();
        foreach (var row in Positives)
        {
            recognizer.Analyze(row.Text, results);
        }

        Assert.All(results, span =>
        {
            Assert.Equal(recognizer.GetType().Name, span.Source);
            Assert.Contains(span.Type, recognizer.SupportedEntities);
            Assert.InRange(span.Score, 0.0, 1.0);
        });
    }

    /// <summary>A row whose single expected span is <paramref name="value"/>, located in <paramref name="text"/>.</summary>
    protected RecognizerCase Hit(string text, string value, double? min = null, double? max = null) =>
        new(text, [Span(text, value, min, max)]);

    /// <summary>A row with several expected values (each must occur once in the text).</summary>
    protected RecognizerCase Hits(string text, params string[] values) =>
        new(text, [.. values.Select(v => Span(text, v, null, null))]);

    /// <summary>A row with several expected values (each must occur once in the text), all scored <paramref name="score"/>.</summary>
    protected RecognizerCase Hits(string text, double score, params string[] values) =>
        new(text, [.. values.Select(v => Span(text, v, score, score))]);

    /// <summary>A row with explicit offsets.</summary>
    protected RecognizerCase At(string text, int start, int end, double? min = null, double? max = null) =>
        new(text, [new ExpectedSpan(EntityType, start, end, min ?? DefaultScore.Min, max ?? DefaultScore.Max)]);

    /// <summary>A row expecting nothing.</summary>
    protected static RecognizerCase None(string text) => new(text, []);

    private ExpectedSpan Span(string text, string value, double? min, double? max)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        if (start < 0 || text.IndexOf(value, start + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"Test table error: \"{value}\" must occur exactly once in \"{text}\".");
        }

        return new ExpectedSpan(EntityType, start, start + value.Length, min ?? DefaultScore.Min, max ?? DefaultScore.Max);
    }

    private string RunTable(IEnumerable<RecognizerCase> rows)
    {
        var recognizer = CreateRecognizer();
        var failures = new StringBuilder();
        foreach (var row in rows)
        {
            var found = new List<EntitySpan>();
            recognizer.Analyze(row.Text, found);
            var ok = found.Count == row.Expected.Count && row.Expected.All(e => found.Any(e.Matches));
            if (!ok)
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"{row}\n    found: [{string.Join(", ", found.Select(f => $"{f.Type}[{f.Start},{f.End}) {f.Score:0.##} '{row.Text[f.Start..f.End]}'"))}]");
            }
        }

        return failures.ToString();
    }
}
