using StealthRelay.LocalFallback.Llama;
using StealthRelay.LocalFallback.Protocols;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Tests.Protocols;

/// <summary>
/// Finish reasons for every way generation ends. The end-of-generation case is covered here because the test model
/// never samples its end-of-text token.
/// </summary>
public sealed class FinishReasonTests
{
    [Theory]
    [InlineData(nameof(GenerationStop.EndOfGeneration), "stop", "end_turn")]
    [InlineData(nameof(GenerationStop.StopSequence), "stop", "stop_sequence")]
    [InlineData(nameof(GenerationStop.MaxTokens), "length", "max_tokens")]
    [InlineData(nameof(GenerationStop.ContextFull), "length", "max_tokens")]
    public void FinishReason_EachStop_MapsToProviderWording(string stopName, string openAI, string anthropic)
    {
        var stop = Enum.Parse<GenerationStop>(stopName);
        var result = new GenerationResult(3, stop, stop == GenerationStop.StopSequence ? "\n" : null);
        var request = new ChatRequest { Messages = [] };
        Assert.Equal(openAI, ChatResponseWriter.Create(LocalApi.OpenAIChat, Stream.Null, request, "m", 0).FinishReason(result));
        Assert.Equal(anthropic, ChatResponseWriter.Create(LocalApi.AnthropicMessages, Stream.Null, request, "m", 0).FinishReason(result));
    }

    [Fact]
    public async Task AnthropicPlain_EndOfGenerationWithEmptyText_EmptyContentAndEndTurn()
    {
        using var body = new MemoryStream();
        var writer = ChatResponseWriter.Create(LocalApi.AnthropicMessages, body, new ChatRequest { Messages = [] }, "m", 0);
        await writer.WriteCompletionAsync(string.Empty, new GenerationResult(0, GenerationStop.EndOfGeneration, null), 5, CancellationToken.None);
        var json = System.Text.Json.Nodes.JsonNode.Parse(body.ToArray())!;
        Assert.Empty(json["content"]!.AsArray());
        Assert.Equal("end_turn", (string)json["stop_reason"]!);
        Assert.Equal(5, (int)json["usage"]!["input_tokens"]!);
        Assert.Equal(0, (int)json["usage"]!["output_tokens"]!);
    }

    [Fact]
    public async Task AnthropicStream_End_MessageDeltaRepeatsInputTokens()
    {
        using var body = new MemoryStream();
        var writer = ChatResponseWriter.Create(LocalApi.AnthropicMessages, body, new ChatRequest { Messages = [] }, "m", 0);
        await writer.EndStreamAsync(new GenerationResult(3, GenerationStop.MaxTokens, null), 11, CancellationToken.None);
        var events = System.Text.Encoding.UTF8.GetString(body.ToArray()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var delta = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(events, e => e.StartsWith("event: message_delta\n", StringComparison.Ordinal)).Split("data: ")[1])!;
        Assert.Equal("max_tokens", (string)delta["delta"]!["stop_reason"]!);
        Assert.Equal(11, (int)delta["usage"]!["input_tokens"]!);
        Assert.Equal(3, (int)delta["usage"]!["output_tokens"]!);
    }

    [Fact]
    public async Task OpenAIPlain_NonAsciiAndMarkup_WrittenUnescaped()
    {
        using var body = new MemoryStream();
        var writer = ChatResponseWriter.Create(LocalApi.OpenAIChat, body, new ChatRequest { Messages = [] }, "m", 0);
        await writer.WriteCompletionAsync("café <b> [EMAIL_ADDRESS_1] & 'x'", new GenerationResult(4, GenerationStop.EndOfGeneration, null), 5, CancellationToken.None);
        var raw = System.Text.Encoding.UTF8.GetString(body.ToArray());
        Assert.Contains("\"content\":\"café <b> [EMAIL_ADDRESS_1] & 'x'\"", raw, StringComparison.Ordinal);
        Assert.Equal("stop", (string)System.Text.Json.Nodes.JsonNode.Parse(raw)!["choices"]![0]!["finish_reason"]!);
    }
}
