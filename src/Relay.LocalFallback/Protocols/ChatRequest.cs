using StealthRelay.LocalFallback.Llama;

namespace StealthRelay.LocalFallback.Protocols;

/// <summary>A chat request of either API, reduced to what the local model needs.</summary>
internal sealed record ChatRequest
{
    public string? Model { get; init; }

    public required IReadOnlyList<ChatMessage> Messages { get; init; }

    /// <summary>Completion token limit; null = up to the end of the context (OpenAI only; Anthropic requires it).</summary>
    public int? MaxTokens { get; init; }

    public SamplingParameters Sampling { get; init; } = new();

    public IReadOnlyList<string> StopSequences { get; init; } = [];

    public bool Stream { get; init; }

    /// <summary>OpenAI <c>stream_options.include_usage</c>: a final chunk carries the usage.</summary>
    public bool IncludeUsage { get; init; }
}
