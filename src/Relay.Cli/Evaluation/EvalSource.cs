namespace StealthRelay.Cli.Evaluation;

/// <summary>One evaluated input file and its scores.</summary>
internal sealed record EvalSource(string Path, string Format, SpanScorer Scores);
