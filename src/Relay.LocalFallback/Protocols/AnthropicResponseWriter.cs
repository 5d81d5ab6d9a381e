using System.Text.Json;
using StealthRelay.LocalFallback.Llama;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Protocols;

/// <summary>
/// Anthropic messages: a <c>message</c> object, or the event sequence message_start, content_block_start, ping,
/// content_block_delta (text_delta)..., content_block_stop, message_delta (stop_reason, usage), message_stop. Like the
/// API, message_delta's usage repeats the input tokens: a stream translated from an OpenAI server learns them last.
/// </summary>
internal sealed class AnthropicResponseWriter(Stream body, string id, string model, long created)
    : ChatResponseWriter(body, id, model, created)
{
    public override string FinishReason(GenerationResult result) => result.Stop switch
    {
        GenerationStop.StopSequence => "stop_sequence",
        GenerationStop.MaxTokens or GenerationStop.ContextFull => "max_tokens",
        _ => "end_turn",
    };

    public override Task WriteCompletionAsync(string text, GenerationResult result, int promptTokens, CancellationToken cancellationToken) =>
        WriteJsonAsync(json =>
        {
            json.WriteStartObject();
            WriteMessageHeader(json);
            json.WriteStartArray("content");
            if (text.Length > 0)
            {
                json.WriteStartObject();
                json.WriteString("type", "text");
                json.WriteString("text", text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteStop(json, result);
            WriteUsage(json, promptTokens, result.CompletionTokens);
            json.WriteEndObject();
        }, cancellationToken);

    public override async Task BeginStreamAsync(int promptTokens, CancellationToken cancellationToken)
    {
        await WriteEventAsync("message_start", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "message_start");
            json.WriteStartObject("message");
            WriteMessageHeader(json);
            json.WriteStartArray("content");
            json.WriteEndArray();
            json.WriteNull("stop_reason");
            json.WriteNull("stop_sequence");
            WriteUsage(json, promptTokens, 0);
            json.WriteEndObject();
            json.WriteEndObject();
        }, null, cancellationToken).ConfigureAwait(false);
        await WriteEventAsync("content_block_start", static json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "content_block_start");
            json.WriteNumber("index", 0);
            json.WriteStartObject("content_block");
            json.WriteString("type", "text");
            json.WriteString("text", string.Empty);
            json.WriteEndObject();
            json.WriteEndObject();
        }, null, cancellationToken).ConfigureAwait(false);
        await WriteEventAsync("ping", static json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "ping");
            json.WriteEndObject();
        }, null, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteDeltaAsync(string text, CancellationToken cancellationToken) =>
        WriteEventAsync("content_block_delta", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "content_block_delta");
            json.WriteNumber("index", 0);
            json.WriteStartObject("delta");
            json.WriteString("type", "text_delta");
            json.WriteString("text", text);
            json.WriteEndObject();
            json.WriteEndObject();
        }, null, cancellationToken);

    public override async Task EndStreamAsync(GenerationResult result, int promptTokens, CancellationToken cancellationToken)
    {
        await WriteEventAsync("content_block_stop", static json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "content_block_stop");
            json.WriteNumber("index", 0);
            json.WriteEndObject();
        }, null, cancellationToken).ConfigureAwait(false);
        await WriteEventAsync("message_delta", json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "message_delta");
            json.WriteStartObject("delta");
            WriteStop(json, result);
            json.WriteEndObject();
            json.WriteStartObject("usage");
            json.WriteNumber("input_tokens", promptTokens);
            json.WriteNumber("output_tokens", result.CompletionTokens);
            json.WriteEndObject();
            json.WriteEndObject();
        }, null, cancellationToken).ConfigureAwait(false);
        await WriteEventAsync("message_stop", static json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "message_stop");
            json.WriteEndObject();
        }, null, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteStreamErrorAsync(string message, CancellationToken cancellationToken) =>
        WriteEventAsync("error", json => ProtocolErrors.WriteError(json, LocalApi.AnthropicMessages, ErrorKind.Internal, message, null), null, cancellationToken);

    private static void WriteUsage(Utf8JsonWriter json, int inputTokens, int outputTokens)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("input_tokens", inputTokens);
        json.WriteNumber("cache_creation_input_tokens", 0);
        json.WriteNumber("cache_read_input_tokens", 0);
        json.WriteNumber("output_tokens", outputTokens);
        json.WriteEndObject();
    }

    private void WriteMessageHeader(Utf8JsonWriter json)
    {
        json.WriteString("id", Id);
        json.WriteString("type", "message");
        json.WriteString("role", "assistant");
        json.WriteString("model", Model);
    }

    private void WriteStop(Utf8JsonWriter json, GenerationResult result)
    {
        json.WriteString("stop_reason", FinishReason(result));
        if (result.Stop == GenerationStop.StopSequence && result.StopSequence is not null)
        {
            json.WriteString("stop_sequence", result.StopSequence);
        }
        else
        {
            json.WriteNull("stop_sequence");
        }
    }
}
