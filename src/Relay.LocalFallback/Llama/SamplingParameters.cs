namespace StealthRelay.LocalFallback.Llama;

/// <summary>
/// How the next token is chosen. A temperature of 0 (or below) means greedy decoding; otherwise the chain is
/// top-k, top-p, temperature, then a seeded random draw (a null seed draws a random one).
/// </summary>
internal sealed record SamplingParameters
{
    public static SamplingParameters Greedy { get; } = new() { Temperature = 0f };

    public float Temperature { get; init; } = 1f;

    public float? TopP { get; init; }

    public int? TopK { get; init; }

    public uint? Seed { get; init; }

    public bool IsGreedy => Temperature <= 0f;
}
