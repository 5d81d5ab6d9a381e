using System.Buffers;
using System.Text.Json;

namespace StealthRelay.LocalFallback.Protocols;

/// <summary>
/// Writes a <see cref="ChatRequest"/> as an OpenAI chat-completions body, for an OpenAI-compatible local server (vLLM,
/// llama.cpp server, Ollama): model, messages (system first, as parsed), max_tokens, temperature, top_p, stop, seed,
/// stream, and <c>stream_options.include_usage</c> when streaming so the last chunk carries the token counts.
/// Top-k is not part of the OpenAI API and is not sent.
/// </summary>
internal static class OpenAIChatRequestWriter
{
    public static byte[] Write(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, ChatResponseWriter.WriterOptions))
        {
            json.WriteStartObject();
            if (request.Model is not null)
            {
                json.WriteString("model", request.Model);
            }

            json.WriteStartArray("messages");
            foreach (var message in request.Messages)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role);
                json.WriteString("content", message.Content);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (request.MaxTokens is int maxTokens)
            {
                json.WriteNumber("max_tokens", maxTokens);
            }

            json.WriteNumber("temperature", request.Sampling.Temperature);
            if (request.Sampling.TopP is float topP)
            {
                json.WriteNumber("top_p", topP);
            }

            if (request.StopSequences.Count > 0)
            {
                json.WriteStartArray("stop");
                foreach (var stop in request.StopSequences)
                {
                    json.WriteStringValue(stop);
                }

                json.WriteEndArray();
            }

            if (request.Sampling.Seed is uint seed)
            {
                json.WriteNumber("seed", seed);
            }

            json.WriteBoolean("stream", request.Stream);
            if (request.Stream)
            {
                json.WriteStartObject("stream_options");
                json.WriteBoolean("include_usage", true);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
