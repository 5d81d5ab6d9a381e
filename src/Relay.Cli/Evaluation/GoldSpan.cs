namespace StealthRelay.Cli.Evaluation;

/// <summary>An entity span for scoring: exact match compares all three fields.</summary>
internal readonly record struct GoldSpan(string Type, int Start, int End);
