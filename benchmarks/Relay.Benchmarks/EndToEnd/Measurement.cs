namespace StealthRelay.Benchmarks.EndToEnd;

/// <summary>One target measured at one prompt size and mode.</summary>
internal sealed record Measurement(
    string Target, int PromptBytes, bool Stream, LatencyStats Total, LatencyStats FirstByte, double RequestsPerSecond, int Errors);
