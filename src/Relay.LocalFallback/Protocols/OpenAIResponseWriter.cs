using System.Text.Json;
using StealthRelay.LocalFallback.Llama;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Protocols;

/// <summary>
/// OpenAI chat completions: a <c>chat.completion</c> object, or <c>chat.completion.chunk</c> events (first with the
/// role, then content deltas, then the finish reason, an optional usage chunk with empty choices) ending in
/// <c>data: [DONE]</c>.
/// </summary>
internal sealed class OpenAIResponseWriter(Stream body, string id, string model, long created, bool includeUsage)
    : ChatResponseWriter(body, id, model, created)
{
    public override string FinishReason(GenerationResult result) =>
        result.Stop is GenerationStop.MaxTokens or GenerationStop.ContextFull ? "length" : "stop";

    public override Task WriteCompletionAsync(string text, GenerationResult result, int promptTokens, CancellationToken cancellationToken) =>
        WriteJsonAsync(json =>
        {
            json.WriteStartObject();
            WriteHeader(json, "chat.completion");
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("message");
            json.WriteString("role", "assistant");
            json.WriteString("content", text);
            json.WriteNull("refusal");
            json.WriteStartArray("annotations");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteNull("logprobs");
            json.WriteString("finish_reason", FinishReason(result));
            json.WriteEndObject();
            json.WriteEndArray();
            WriteUsage(json, promptTokens, result.CompletionTokens);
            json.WriteNull("system_fingerprint");
            json.WriteEndObject();
        }, cancellationToken);

    public override Task BeginStreamAsync(int promptTokens, CancellationToken cancellationToken) =>
        WriteChunkAsync(json =>
        {
            json.WriteString("role", "assistant");
            json.WriteString("content", string.Empty);
            json.WriteNull("refusal");
        }, finishReason: null, cancellationToken);

    public override Task WriteDeltaAsync(string text, CancellationToken cancellationToken) =>
        WriteChunkAsync(json => json.WriteString("content", text), finishReason: null, cancellationToken);

    public override async Task EndStreamAsync(GenerationResult result, int promptTokens, CancellationToken cancellationToken)
    {
        await WriteChunkAsync(static _ => { }, FinishReason(result), cancellationToken).ConfigureAwait(false);
        if (includeUsage)
        {
            await WriteEventAsync(null, json =>
            {
                json.WriteStartObject();
                WriteHeader(json, "chat.completion.chunk");
                json.WriteStartArray("choices");
                json.WriteEndArray();
                WriteUsage(json, promptTokens, result.CompletionTokens);
                json.WriteEndObject();
            }, null, cancellationToken).ConfigureAwait(false);
        }

        await WriteEventAsync(null, null, "[DONE]", cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteStreamErrorAsync(string message, CancellationToken cancellationToken) =>
        WriteEventAsync(null, json => ProtocolErrors.WriteError(json, LocalApi.OpenAIChat, ErrorKind.Internal, message, null), null, cancellationToken);

    private static void WriteUsage(Utf8JsonWriter json, int promptTokens, int completionTokens)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", promptTokens);
        json.WriteNumber("completion_tokens", completionTokens);
        json.WriteNumber("total_tokens", promptTokens + completionTokens);
        json.WriteStartObject("prompt_tokens_details");
        json.WriteNumber("cached_tokens", 0);
        json.WriteEndObject();
        json.WriteStartObject("completion_tokens_details");
        json.WriteNumber("reasoning_tokens", 0);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteHeader(Utf8JsonWriter json, string objectType)
    {
        json.WriteString("id", Id);
        json.WriteString("object", objectType);
        json.WriteNumber("created", Created);
        json.WriteString("model", Model);
    }

    private Task WriteChunkAsync(Action<Utf8JsonWriter> writeDelta, string? finishReason, CancellationToken cancellationToken) =>
        WriteEventAsync(null, json =>
        {
            json.WriteStartObject();
            WriteHeader(json, "chat.completion.chunk");
            json.WriteNull("system_fingerprint");
            json.WriteStartArray("choices");
            json.WriteStartObject();
            json.WriteNumber("index", 0);
            json.WriteStartObject("delta");
            writeDelta(json);
            json.WriteEndObject();
            json.WriteNull("logprobs");
            if (finishReason is null)
            {
                json.WriteNull("finish_reason");
            }
            else
            {
                json.WriteString("finish_reason", finishReason);
            }

            json.WriteEndObject();
            json.WriteEndArray();
            if (includeUsage)
            {
                json.WriteNull("usage");
            }

            json.WriteEndObject();
        }, null, cancellationToken);
}
