using StealthRelay.LocalFallback.Llama;

namespace StealthRelay.LocalFallback.Protocols;

/// <summary>
/// An OpenAI <c>finish_reason</c> as the local model's own <see cref="GenerationResult"/>, so the response writers word
/// it for the client: <c>length</c> is <see cref="GenerationStop.MaxTokens"/> (Anthropic <c>max_tokens</c>);
/// <c>stop</c> is <see cref="GenerationStop.StopSequence"/> when the server named one of the request's stop
/// sequences (vLLM's <c>stop_reason</c>), otherwise, like every other reason, <see cref="GenerationStop.EndOfGeneration"/>
/// (<c>end_turn</c>).
/// </summary>
internal static class OpenAIFinishReasons
{
    public static GenerationResult ToGenerationResult(string? finishReason, string? matchedStop, IReadOnlyList<string> stopSequences, int completionTokens)
    {
        ArgumentNullException.ThrowIfNull(stopSequences);
        return finishReason switch
        {
            "length" => new GenerationResult(completionTokens, GenerationStop.MaxTokens, null),
            "stop" when matchedStop is not null && stopSequences.Contains(matchedStop, StringComparer.Ordinal) =>
                new GenerationResult(completionTokens, GenerationStop.StopSequence, matchedStop),
            _ => new GenerationResult(completionTokens, GenerationStop.EndOfGeneration, null),
        };
    }
}
