namespace StealthRelay.Training.SyntheticCorpus;

/// <summary>An entity in a generated text: BIO label suffix (PER, LOC, ORG, ADDR) and char offsets [Start, End).</summary>
internal sealed record LabeledSpan(string Label, int Start, int End);
