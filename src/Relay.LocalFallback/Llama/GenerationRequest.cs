namespace StealthRelay.LocalFallback.Llama;

/// <summary>What to generate after a tokenized prompt.</summary>
internal sealed record GenerationRequest
{
    public required int MaxTokens { get; init; }

    public SamplingParameters Sampling { get; init; } = SamplingParameters.Greedy;

    public IReadOnlyList<string> StopSequences { get; init; } = [];
}
