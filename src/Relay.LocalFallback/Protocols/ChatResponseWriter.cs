using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StealthRelay.LocalFallback.Llama;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Protocols;

/// <summary>
/// Writes one answer in a provider's wire format, either whole (<see cref="WriteCompletionAsync"/>) or as
/// server-sent events (<see cref="BeginStreamAsync"/>, <see cref="WriteDeltaAsync"/>, <see cref="EndStreamAsync"/>),
/// flushing each event so the client sees tokens as they are generated.
/// </summary>
internal abstract class ChatResponseWriter
{
    public const string JsonContentType = "application/json";
    public const string EventStreamContentType = "text/event-stream; charset=utf-8";

    /// <summary>
    /// Like the providers, non-ASCII text and HTML-sensitive characters are written as-is (valid JSON; these bodies
    /// are never embedded in HTML), so placeholders and text survive byte for byte for the gateway's restorer.
    /// </summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly byte[] s_data = "data: "u8.ToArray();
    private static readonly byte[] s_eventEnd = "\n\n"u8.ToArray();
    private readonly Stream _body;
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    protected ChatResponseWriter(Stream body, string id, string model, long created)
    {
        _body = body;
        Id = id;
        Model = model;
        Created = created;
    }

    public string Id { get; }

    protected string Model { get; }

    protected long Created { get; }

    public static ChatResponseWriter Create(LocalApi api, Stream body, ChatRequest request, string model, long created) =>
        api == LocalApi.AnthropicMessages
            ? new AnthropicResponseWriter(body, ResponseIds.Anthropic(), model, created)
            : new OpenAIResponseWriter(body, ResponseIds.OpenAI(), model, created, request.IncludeUsage);

    /// <summary>The provider's finish/stop reason for a finished generation.</summary>
    public abstract string FinishReason(GenerationResult result);

    public abstract Task WriteCompletionAsync(string text, GenerationResult result, int promptTokens, CancellationToken cancellationToken);

    public abstract Task BeginStreamAsync(int promptTokens, CancellationToken cancellationToken);

    public abstract Task WriteDeltaAsync(string text, CancellationToken cancellationToken);

    public abstract Task EndStreamAsync(GenerationResult result, int promptTokens, CancellationToken cancellationToken);

    /// <summary>Reports a failure after the stream started (the status code is already sent).</summary>
    public abstract Task WriteStreamErrorAsync(string message, CancellationToken cancellationToken);

    protected async Task WriteJsonAsync(Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, WriterOptions))
        {
            write(json);
        }

        await _body.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one SSE event (<c>event:</c> line when named, then <c>data:</c>) and flushes it.</summary>
    protected async Task WriteEventAsync(string? eventName, Action<Utf8JsonWriter>? write, string? rawData, CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        if (eventName is not null)
        {
            _buffer.Write(Encoding.UTF8.GetBytes("event: " + eventName + "\n"));
        }

        _buffer.Write(s_data);
        if (write is not null)
        {
            using var json = new Utf8JsonWriter(_buffer, WriterOptions);
            write(json);
        }
        else
        {
            _buffer.Write(Encoding.UTF8.GetBytes(rawData ?? string.Empty));
        }

        _buffer.Write(s_eventEnd);
        await _body.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await _body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
