using StealthRelay.LocalFallback.Llama;
using StealthRelay.LocalFallback.Protocols;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Tests.Protocols;

/// <summary>An OpenAI finish_reason as the Anthropic stop_reason the client sees.</summary>
public sealed class OpenAIFinishReasonsTests
{
    [Theory]
    [InlineData("stop", null, "end_turn", null)]
    [InlineData("stop", "END", "stop_sequence", "END")] // vLLM names the stop string
    [InlineData("stop", "OTHER", "end_turn", null)] // a string the request did not ask for
    [InlineData("length", null, "max_tokens", null)]
    [InlineData("length", "END", "max_tokens", null)]
    [InlineData("content_filter", null, "end_turn", null)]
    [InlineData("tool_calls", null, "end_turn", null)]
    [InlineData(null, null, "end_turn", null)]
    public void ToGenerationResult_EachFinishReason_AnthropicStopReason(string? finishReason, string? matchedStop, string stopReason, string? stopSequence)
    {
        var result = OpenAIFinishReasons.ToGenerationResult(finishReason, matchedStop, ["END"], 7);

        Assert.Equal(7, result.CompletionTokens);
        Assert.Equal(stopSequence, result.StopSequence);
        var writer = ChatResponseWriter.Create(LocalApi.AnthropicMessages, Stream.Null, new ChatRequest { Messages = [] }, "m", 0);
        Assert.Equal(stopReason, writer.FinishReason(result));
        Assert.Equal(stopReason == "stop_sequence", result.Stop == GenerationStop.StopSequence);
    }
}
