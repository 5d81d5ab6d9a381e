using System.Text;
using System.Text.Json;
using StealthRelay.LocalFallback.Protocols;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Tests.Protocols;

/// <summary>An Anthropic messages body, parsed as the local model parses it, written as an OpenAI chat-completions body.</summary>
public sealed class OpenAIChatRequestWriterTests
{
    [Fact]
    public void Write_AnthropicRequest_SystemFirstThenTurnsAndSamplingAsOpenAI()
    {
        var json = Translate("""
            {"model":"llama-3.1-8b","max_tokens":64,"temperature":0.25,"top_p":0.9,"top_k":40,"stop_sequences":["END","\n\n"],
             "system":[{"type":"text","text":"Be brief."},{"type":"text","text":" Answer in German."}],
             "messages":[{"role":"user","content":"Mail jane@example.com"},
                         {"role":"assistant","content":[{"type":"text","text":"Done."}]},
                         {"role":"user","content":"Café ünd <b>"}]}
            """);

        Assert.Equal("llama-3.1-8b", json.GetProperty("model").GetString());
        var messages = json.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").GetString())).ToArray();
        Assert.Equal(
            new (string?, string?)[] { ("system", "Be brief. Answer in German."), ("user", "Mail jane@example.com"), ("assistant", "Done."), ("user", "Café ünd <b>") },
            messages);
        Assert.Equal(64, json.GetProperty("max_tokens").GetInt32());
        Assert.Equal(0.25, json.GetProperty("temperature").GetDouble(), 6);
        Assert.Equal(0.9, json.GetProperty("top_p").GetDouble(), 6);
        Assert.Equal(["END", "\n\n"], json.GetProperty("stop").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.False(json.GetProperty("stream").GetBoolean());
        Assert.False(json.TryGetProperty("stream_options", out _));
        Assert.False(json.TryGetProperty("top_k", out _)); // not part of the OpenAI API
        Assert.False(json.TryGetProperty("system", out _));
        Assert.False(json.TryGetProperty("stop_sequences", out _));
    }

    [Fact]
    public void Write_Streamed_AsksForUsageInTheLastChunk()
    {
        var json = Translate("""{"model":"m","max_tokens":8,"stream":true,"messages":[{"role":"user","content":"Hi"}]}""");

        Assert.True(json.GetProperty("stream").GetBoolean());
        Assert.True(json.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }

    [Fact]
    public void Write_NoModelNoSystemNoStops_LeavesThemOutAndSendsAnthropicsDefaultTemperature()
    {
        var json = Translate("""{"max_tokens":8,"messages":[{"role":"user","content":"Hi"}]}""");

        Assert.False(json.TryGetProperty("model", out _));
        Assert.False(json.TryGetProperty("stop", out _));
        Assert.False(json.TryGetProperty("top_p", out _));
        Assert.Equal(1.0, json.GetProperty("temperature").GetDouble());
        Assert.Equal("user", Assert.Single(json.GetProperty("messages").EnumerateArray().ToArray()).GetProperty("role").GetString());
    }

    private static JsonElement Translate(string anthropicJson)
    {
        var request = ChatRequestParser.Parse(LocalApi.AnthropicMessages, Encoding.UTF8.GetBytes(anthropicJson));
        return JsonDocument.Parse(OpenAIChatRequestWriter.Write(request)).RootElement.Clone();
    }
}
