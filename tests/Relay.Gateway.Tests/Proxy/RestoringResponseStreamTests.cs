using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using StealthRelay.Gateway.Proxy;
using StealthRelay.Gateway.Tests.Infrastructure;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Gateway.Tests.Proxy;

public sealed class RestoringResponseStreamTests : IDisposable
{
    private const string Email = "jane.doe@example.com";
    private readonly RealEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private static string ChatAnswer(string content) =>
        "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},\"finish_reason\":\"stop\"}]}";

    private static string ChatChunk(string content) =>
        "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}\n\n";

    private (RestoringResponseStream Stream, MemoryStream Inner, HttpResponse Response) Create(ResponseRestoration? restoration, long max = 1 << 20)
    {
        var context = new DefaultHttpContext();
        var inner = new MemoryStream();
        context.Response.Body = inner;
        return (new RestoringResponseStream(context.Response, inner, restoration, max), inner, context.Response);
    }

    private ResponseRestoration Restoration(RedactedRequest redacted, bool restoreSuccess = true) =>
        new(_engine.Restorer, ApiShape.OpenAIChatCompletions, redacted.Vault, "[{type}_{index}]", restoreSuccess);

    [Fact]
    public async Task CompleteAsync_JsonAnswerInPieces_RestoredWithNewLength()
    {
        using var redacted = await _engine.RedactChatAsync("Mail " + Email);
        var (stream, inner, response) = Create(Restoration(redacted));
        var answer = Encoding.UTF8.GetBytes(ChatAnswer("Sent to [EMAIL_ADDRESS_1]."));

        Assert.Equal(ResponseMode.Buffered, stream.Configure(200, "application/json", null));
        for (var i = 0; i < answer.Length; i += 5)
        {
            await stream.WriteAsync(answer.AsMemory(i, Math.Min(5, answer.Length - i)));
        }

        Assert.Equal(0, inner.Length);
        await stream.CompleteAsync(CancellationToken.None);

        var restored = Encoding.UTF8.GetString(inner.ToArray());
        Assert.Equal(ChatAnswer("Sent to " + Email + "."), restored);
        Assert.Equal(inner.Length, response.ContentLength);
    }

    [Fact]
    public async Task WriteAsync_EventStream_WritesCompleteEventsBeforeTheEnd()
    {
        using var redacted = await _engine.RedactChatAsync("Mail " + Email);
        var (stream, inner, _) = Create(Restoration(redacted));
        var first = Encoding.UTF8.GetBytes(ChatChunk("Hello "));
        var second = Encoding.UTF8.GetBytes(ChatChunk("[EMAIL_") + ChatChunk("ADDRESS_1] bye") + "data: [DONE]\n\n");

        Assert.Equal(ResponseMode.EventStream, stream.Configure(200, "text/event-stream", null));
        foreach (var b in first)
        {
            await stream.WriteAsync(new[] { b });
        }

        Assert.Contains("Hello ", Encoding.UTF8.GetString(inner.ToArray()), StringComparison.Ordinal);
        await stream.WriteAsync(second);
        await stream.CompleteAsync(CancellationToken.None);

        var all = Encoding.UTF8.GetString(inner.ToArray());
        Assert.Contains(Email, all, StringComparison.Ordinal);
        Assert.DoesNotContain("[EMAIL_", all, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_ErrorBody_RestoredGenerically()
    {
        using var redacted = await _engine.RedactChatAsync("Mail " + Email);
        var (stream, inner, _) = Create(Restoration(redacted, restoreSuccess: false));
        var error = Encoding.UTF8.GetBytes("{\"error\":{\"message\":\"Bad address [EMAIL_ADDRESS_1] and [EMAIL_ADDRESS_9]\",\"type\":\"invalid_request_error\"}}");

        Assert.Equal(ResponseMode.Buffered, stream.Configure(400, "application/json", null));
        await stream.WriteAsync(error);
        await stream.CompleteAsync(CancellationToken.None);

        Assert.Equal("{\"error\":{\"message\":\"Bad address " + Email + " and [EMAIL_ADDRESS_9]\",\"type\":\"invalid_request_error\"}}",
            Encoding.UTF8.GetString(inner.ToArray()));
    }

    [Fact]
    public async Task CompleteAsync_GzipAnswer_DecodedThenRestored()
    {
        using var redacted = await _engine.RedactChatAsync("Mail " + Email);
        var (stream, inner, _) = Create(Restoration(redacted));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(ChatAnswer("[EMAIL_ADDRESS_1]")));
        }

        stream.Configure(200, "application/json", "gzip");
        await stream.WriteAsync(compressed.ToArray());
        await stream.CompleteAsync(CancellationToken.None);

        Assert.Equal(ChatAnswer(Email), Encoding.UTF8.GetString(inner.ToArray()));
    }

    [Fact]
    public async Task WriteAsync_SuccessWithoutRestore_PassesThrough()
    {
        using var redacted = await _engine.RedactChatAsync("Mail " + Email);
        var (stream, inner, _) = Create(Restoration(redacted, restoreSuccess: false));
        var vectors = Encoding.UTF8.GetBytes("{\"data\":[{\"embedding\":[0.1]}],\"note\":\"[EMAIL_ADDRESS_1]\"}");

        Assert.Equal(ResponseMode.PassThrough, stream.Configure(200, "application/json", null));
        await stream.WriteAsync(vectors);

        Assert.Equal(vectors, inner.ToArray());
    }

    [Fact]
    public async Task Configure_NoRestoration_AlwaysPassThrough()
    {
        var (stream, inner, _) = Create(null);

        Assert.Equal(ResponseMode.PassThrough, stream.Configure(500, "application/json", null));
        await stream.WriteAsync(Encoding.UTF8.GetBytes("{}"));

        Assert.Equal("{}", Encoding.UTF8.GetString(inner.ToArray()));
    }

    [Fact]
    public async Task WriteAsync_JsonOverLimit_Throws()
    {
        using var redacted = await _engine.RedactChatAsync("Mail " + Email);
        var (stream, _, _) = Create(Restoration(redacted), max: 10);
        stream.Configure(200, "application/json", null);

        await Assert.ThrowsAsync<IOException>(() => stream.WriteAsync(new byte[11]).AsTask());
    }
}
