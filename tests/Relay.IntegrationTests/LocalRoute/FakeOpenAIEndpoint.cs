using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>
/// An OpenAI-only local server (as vLLM or Ollama) on a real loopback Kestrel: answers <c>POST /v1/chat/completions</c>
/// with <see cref="Text"/>, whole or streamed (a chunk per text element pair, raw UTF-8, written
/// <see cref="ChunkSize"/> bytes per flush so events and characters split across HTTP chunks), with the finish
/// reason, vLLM <c>stop_reason</c> and usage it is given; the usage chunk only when asked for. Records what it receives.
/// <see cref="Status"/> makes it answer that status with an error that quotes the prompt, as servers do;
/// <see cref="RawAnswer"/> and <see cref="BreakOffAfterFirstChunk"/> make it answer something broken.
/// </summary>
internal sealed class FakeOpenAIEndpoint : IAsyncDisposable
{
    public const string DefaultText = "Grüße aus dem Keller: 日本 🎉 \"quoted\" <b>ok</b>\nline two";
    public const int PromptTokens = 21;
    public const int CompletionTokens = 7;

    private static readonly JsonSerializerOptions s_raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly LoopbackServer _server;

    private FakeOpenAIEndpoint(LoopbackServer server) => _server = server;

    public Uri BaseAddress => _server.BaseAddress;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string Text { get; set; } = DefaultText;

    public string FinishReason { get; set; } = "stop";

    /// <summary>vLLM's <c>stop_reason</c>: the stop string that ended generation.</summary>
    public string? StopReason { get; set; }

    public int ChunkSize { get; set; } = 4096;

    /// <summary>When set, every request is answered with this status and an error body quoting the prompt.</summary>
    public int? Status { get; set; }

    /// <summary>When true, a stream ends after its first text chunk, without a finish reason or <c>[DONE]</c>.</summary>
    public bool BreakOffAfterFirstChunk { get; set; }

    /// <summary>When set, a stream stops after its first text chunk until this completes (or the gateway hangs up).</summary>
    public TaskCompletionSource? StreamGate { get; set; }

    /// <summary>Completes when the gateway hangs up on a request before its answer was written.</summary>
    public TaskCompletionSource HungUp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, every request is answered 200 with this body as <c>text/html</c> (a server that is not what it should be).</summary>
    public string? RawAnswer { get; set; }

    public static async Task<FakeOpenAIEndpoint> StartAsync()
    {
        FakeOpenAIEndpoint? endpoint = null;
        var server = await LoopbackServer.StartAsync(context => endpoint!.HandleAsync(context));
        endpoint = new FakeOpenAIEndpoint(server);
        return endpoint;
    }

    public RecordedRequest Single() => Assert.Single(Requests);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var hangUp = context.RequestAborted.Register(() => HungUp.TrySetResult());
        var recorded = await RecordedRequest.ReadAsync(context);
        Requests.Enqueue(recorded);
        var (path, body) = (recorded.Path, recorded.Body);
        if (path != "/v1/chat/completions")
        {
            await WriteAsync(context, 404, "application/json", Error("Unknown path " + path), context.RequestAborted);
            return;
        }

        if (RawAnswer is not null)
        {
            await WriteAsync(context, 200, "text/html", RawAnswer, context.RequestAborted);
            return;
        }

        var request = JsonNode.Parse(body)!;
        if (Status is int status)
        {
            var prompt = string.Join(' ', request["messages"]!.AsArray().Select(m => (string?)m!["content"]));
            await WriteAsync(context, status, "application/json", Error("Rejected: " + prompt), context.RequestAborted);
            return;
        }

        if (request["stream"]?.GetValue<bool>() != true)
        {
            await WriteAsync(context, 200, "application/json", Completion(), context.RequestAborted);
            return;
        }

        var includeUsage = request["stream_options"]?["include_usage"]?.GetValue<bool>() == true;
        var events = Stream(includeUsage);
        if (StreamGate is null)
        {
            await WriteAsync(context, 200, "text/event-stream", string.Concat(events), context.RequestAborted);
            return;
        }

        await WriteAsync(context, 200, "text/event-stream", events[0] + events[1], context.RequestAborted);
        try
        {
            await StreamGate.Task.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // Recorded here too: once the response has started, the registration was seen not to run (as FaultyProvider notes).
            HungUp.TrySetResult();
            return;
        }

        await WriteAsync(context, 200, "text/event-stream", string.Concat(events.Skip(2)), context.RequestAborted);
    }

    private string Completion() => Serialize(new JsonObject
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["model"] = "fake-local-model",
        ["choices"] = new JsonArray(Choice("message", new JsonObject { ["role"] = "assistant", ["content"] = Text }, FinishReason)),
        ["usage"] = Usage(),
    });

    private List<string> Stream(bool includeUsage)
    {
        var events = new List<string>();
        void Chunk(JsonObject delta, string? finishReason, JsonNode? usage = null) => events.Add("data: " + Serialize(new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion.chunk",
            ["model"] = "fake-local-model",
            ["choices"] = delta.Count == 0 && finishReason is null ? new JsonArray() : new JsonArray(Choice("delta", delta, finishReason)),
            ["usage"] = usage,
        }) + "\n\n");

        Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
        var elements = StringInfo.GetTextElementEnumerator(Text);
        var piece = new StringBuilder();
        var pieces = 0;
        while (elements.MoveNext())
        {
            piece.Append(elements.GetTextElement());
            if (piece.Length >= 2)
            {
                Chunk(new JsonObject { ["content"] = piece.ToString() }, null);
                piece.Clear();
                if (++pieces == 1 && BreakOffAfterFirstChunk)
                {
                    return events;
                }
            }
        }

        if (piece.Length > 0)
        {
            Chunk(new JsonObject { ["content"] = piece.ToString() }, null);
        }

        Chunk([], FinishReason);
        if (includeUsage)
        {
            Chunk([], null, Usage());
        }

        events.Add("data: [DONE]\n\n");
        return events;
    }

    private JsonObject Choice(string part, JsonObject content, string? finishReason)
    {
        var choice = new JsonObject { ["index"] = 0, [part] = content, ["logprobs"] = null, ["finish_reason"] = finishReason };
        if (finishReason is not null)
        {
            choice["stop_reason"] = StopReason;
        }

        return choice;
    }

    private static JsonObject Usage() => new()
    {
        ["prompt_tokens"] = PromptTokens,
        ["completion_tokens"] = CompletionTokens,
        ["total_tokens"] = PromptTokens + CompletionTokens,
    };

    private static string Error(string message) =>
        Serialize(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "BadRequestError", ["code"] = 400 } });

    private static string Serialize(JsonNode node) => node.ToJsonString(s_raw);

    private async Task WriteAsync(HttpContext context, int status, string contentType, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (!context.Response.HasStarted)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
        }

        for (var offset = 0; offset < bytes.Length; offset += ChunkSize)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(ChunkSize, bytes.Length - offset)), cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
    }
}
