namespace StealthRelay.Cli.Evaluation;

/// <summary>One evaluation text with its gold spans (UTF-16 offsets into <see cref="Text"/>).</summary>
internal sealed record EvalSentence(string Text, IReadOnlyList<GoldSpan> Spans);
