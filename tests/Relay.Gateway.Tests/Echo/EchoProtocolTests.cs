using System.Text;
using System.Text.Json;
using StealthRelay.Gateway.Echo;

namespace StealthRelay.Gateway.Tests.Echo;

public sealed class EchoProtocolTests
{
    [Fact]
    public void Split_SurrogatePairAtBoundary_NotSplit()
    {
        var pieces = EchoProtocol.Split("abc🙂de", 4).ToList();

        Assert.Equal("abc🙂de", string.Concat(pieces));
        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1])));
    }

    [Fact]
    public void Build_ChatPlain_EchoesLastUserText()
    {
        var body = Encoding.UTF8.GetBytes("""{"model":"m","messages":[{"role":"user","content":"first"},{"role":"assistant","content":"x"},{"role":"user","content":[{"type":"text","text":"[EMAIL_ADDRESS_1] hi"}]}]}""");

        var answer = EchoProtocol.Build("POST", "/v1/chat/completions", body);

        var json = JsonDocument.Parse(answer.ToBytes()).RootElement;
        Assert.Equal(EchoProtocol.Prefix + "[EMAIL_ADDRESS_1] hi", json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public void Build_MessagesStream_ConcatenatedDeltasEqualText()
    {
        var body = Encoding.UTF8.GetBytes("""{"model":"m","stream":true,"messages":[{"role":"user","content":"Zoë 🙂"}]}""");

        var answer = EchoProtocol.Build("POST", "/v1/messages", body);

        Assert.Equal("text/event-stream", answer.ContentType);
        var text = new StringBuilder();
        foreach (var line in Encoding.UTF8.GetString(answer.ToBytes()).Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)))
        {
            var json = JsonDocument.Parse(line[6..]).RootElement;
            if (json.GetProperty("type").GetString() == "content_block_delta")
            {
                text.Append(json.GetProperty("delta").GetProperty("text").GetString());
            }
        }

        Assert.Equal(EchoProtocol.Prefix + "Zoë 🙂", text.ToString());
    }

    [Fact]
    public void Build_UnknownPath_404()
    {
        Assert.Equal(404, EchoProtocol.Build("POST", "/v1/files", []).StatusCode);
    }
}
