namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>A generated document with its entity spans.</summary>
internal sealed record AnnotatedText(string Lang, string Template, string Text, IReadOnlyList<LabeledSpan> Spans);
