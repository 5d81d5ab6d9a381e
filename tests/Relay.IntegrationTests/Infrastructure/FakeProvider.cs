using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StealthRelay.Gateway.Echo;

namespace StealthRelay.IntegrationTests.Infrastructure;

/// <summary>
/// A real Kestrel server on loopback that speaks OpenAI (chat, responses, embeddings, models) and Anthropic (messages,
/// count_tokens). It records exactly the bytes it receives, echoes the user's text back (so placeholders come back),
/// and writes every answer in tiny pieces, flushing after each (SSE events and UTF-8 sequences split across chunks).
/// Model <c>provider-error</c> answers 400 with the received text in the error message.
/// </summary>
internal sealed class FakeProvider : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeProvider(LoopbackServer server) => _server = server;

    public Uri BaseAddress => _server.BaseAddress;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>
    /// When set, an event stream stops after its first half and waits for this gate before sending the rest: a client
    /// that sees the first half meanwhile proves the gateway does not buffer the stream.
    /// </summary>
    public TaskCompletionSource? StreamGate { get; set; }

    /// <summary>Bytes per write (each followed by a flush).</summary>
    public int ChunkSize { get; set; } = 3;

    public static async Task<FakeProvider> StartAsync()
    {
        FakeProvider? provider = null;
        var server = await LoopbackServer.StartAsync(context => provider!.HandleAsync(context));
        provider = new FakeProvider(server);
        return provider;
    }

    public RecordedRequest Single() => Assert.Single(Requests);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var recorded = await RecordedRequest.ReadAsync(context);
        Requests.Enqueue(recorded);
        var (path, body) = (recorded.Path, recorded.Body);

        // BaseUrl may carry a prefix (e.g. /openai): the protocol path starts at /v1/.
        var v1 = path.IndexOf("/v1/", StringComparison.Ordinal);
        var protocolPath = v1 >= 0 ? path[v1..] : path;

        EchoProtocol.Answer answer;
        if (IsProviderErrorModel(body))
        {
            var text = EchoRequest.Parse(protocolPath, body).UserText;
            var error = JsonSerializer.Serialize(new { error = new { message = "Provider rejected: " + text, type = "invalid_request_error", param = (string?)null, code = "bad" } });
            answer = new EchoProtocol.Answer(400, "application/json", [error]);
        }
        else
        {
            answer = EchoProtocol.Build(context.Request.Method, protocolPath, body);
        }

        var bytes = Encoding.UTF8.GetBytes(string.Concat(answer.Pieces));
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        if (answer.ContentType == "application/json")
        {
            context.Response.ContentLength = bytes.Length;
        }
        else
        {
            context.Response.Headers.CacheControl = "no-cache";
        }

        var gateAt = StreamGate is not null && answer.ContentType == "text/event-stream" ? bytes.Length / 2 : -1;
        for (var offset = 0; offset < bytes.Length; offset += ChunkSize)
        {
            if (gateAt >= 0 && offset >= gateAt)
            {
                await StreamGate!.Task.WaitAsync(context.RequestAborted);
                gateAt = -1;
            }

            var count = Math.Min(ChunkSize, bytes.Length - offset);
            await context.Response.Body.WriteAsync(bytes.AsMemory(offset, count), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    private static bool IsProviderErrorModel(byte[] body)
    {
        if (body.Length == 0)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String
                && model.GetString() == "provider-error";
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
