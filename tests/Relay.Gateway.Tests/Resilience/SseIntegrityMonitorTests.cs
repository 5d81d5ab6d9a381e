using System.Text;
using System.Text.Json;
using StealthRelay.Gateway.Echo;
using StealthRelay.Gateway.Resilience;

namespace StealthRelay.Gateway.Tests.Resilience;

public sealed class SseIntegrityMonitorTests
{
    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/responses")]
    [InlineData("/v1/messages")]
    public void Observe_CompleteEchoStreamInSmallChunks_CompletedCleanly(string path)
    {
        var stream = EchoStream(path);
        var monitor = new SseIntegrityMonitor();

        foreach (var chunk in stream.Chunk(3))
        {
            Assert.True(monitor.Observe(chunk));
        }

        Assert.True(monitor.CompletedCleanly);
    }

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/messages")]
    public void Observe_StreamCutAtAnEventBoundary_NotCompleted(string path)
    {
        var text = Encoding.UTF8.GetString(EchoStream(path));
        var cut = text.IndexOf("\n\n", text.Length / 2, StringComparison.Ordinal) + 2;
        var monitor = new SseIntegrityMonitor();

        Assert.True(monitor.Observe(Encoding.UTF8.GetBytes(text[..cut])));
        Assert.False(monitor.CompletedCleanly);
    }

    [Fact]
    public void Observe_StreamCutMidEventAfterDone_NotCompleted()
    {
        var monitor = new SseIntegrityMonitor();

        Assert.True(monitor.Observe("data: [DONE]\n\ndata: {\"a\""u8));
        Assert.False(monitor.CompletedCleanly);
    }

    [Theory]
    [InlineData("data: {\"choices\":[\n\n")]
    [InlineData("data: {\"a\":1}}\n\n")]
    [InlineData("data: not json\n\n")]
    public void Observe_MalformedEventData_False(string stream)
    {
        Assert.False(new SseIntegrityMonitor().Observe(Encoding.UTF8.GetBytes(stream)));
    }

    [Theory]
    [InlineData("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"m\"}}\n\n")]
    [InlineData("data: {\"error\":{\"message\":\"m\"}}\r\n\r\n")]
    public void Observe_ProviderErrorEvent_CountsAsTerminal(string stream)
    {
        var monitor = new SseIntegrityMonitor();

        Assert.True(monitor.Observe(Encoding.UTF8.GetBytes(stream)));
        Assert.True(monitor.CompletedCleanly);
    }

    private static byte[] EchoStream(string path)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            model = "m",
            max_tokens = 16,
            stream = true,
            input = "hello there",
            messages = new[] { new { role = "user", content = "hello there" } },
        });
        return Encoding.UTF8.GetBytes(string.Concat(EchoProtocol.Build("POST", path, body).Pieces));
    }
}
