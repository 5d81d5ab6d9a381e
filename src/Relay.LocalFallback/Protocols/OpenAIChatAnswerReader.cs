using System.Text.Json;

namespace StealthRelay.LocalFallback.Protocols;

/// <summary>
/// Reads the answers of an OpenAI-compatible server: <c>choices[0].message</c> (or <c>.delta</c> in a chunk)
/// <c>.content</c>, <c>finish_reason</c>, vLLM's <c>stop_reason</c>, <c>usage</c> and <c>model</c>. Anything else
/// (another shape, an <c>error</c> object) is an <see cref="InvalidDataException"/> whose message names the problem,
/// never the content.
/// </summary>
internal static class OpenAIChatAnswerReader
{
    /// <summary>A whole <c>chat.completion</c> object; it must have at least one choice.</summary>
    public static OpenAIChatAnswer ReadCompletion(ReadOnlyMemory<byte> json) => Read(json, chunk: false);

    /// <summary>One <c>chat.completion.chunk</c>; its choices may be empty (the usage chunk).</summary>
    public static OpenAIChatAnswer ReadChunk(ReadOnlyMemory<byte> json) => Read(json, chunk: true);

    private static OpenAIChatAnswer Read(ReadOnlyMemory<byte> json, bool chunk)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // The parser's message quotes the offending bytes, which may be completion text: not carried on.
            throw new InvalidDataException("The local endpoint's answer is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("The local endpoint's answer is not a JSON object.");
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
            {
                throw new InvalidDataException("The local endpoint answered with an error object.");
            }

            var (text, finishReason, matchedStop) = FirstChoice(root, chunk);
            var (promptTokens, completionTokens) = Usage(root);
            var model = root.TryGetProperty("model", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            return new OpenAIChatAnswer(text, finishReason, matchedStop, promptTokens, completionTokens, model);
        }
    }

    private static (string Text, string? FinishReason, string? MatchedStop) FirstChoice(JsonElement root, bool chunk)
    {
        var hasChoices = root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array;
        if (!hasChoices && !chunk)
        {
            throw new InvalidDataException("The local endpoint's answer has no 'choices' array.");
        }

        if (!hasChoices || choices.GetArrayLength() == 0)
        {
            return chunk ? (string.Empty, null, null) : throw new InvalidDataException("The local endpoint's answer has no choice.");
        }

        var choice = choices[0];
        if (choice.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("The local endpoint's choice is not an object.");
        }

        var text = string.Empty;
        if (choice.TryGetProperty(chunk ? "delta" : "message", out var message) && message.ValueKind != JsonValueKind.Null)
        {
            text = message.ValueKind == JsonValueKind.Object ? Content(message) : throw new InvalidDataException("The local endpoint's message is not an object.");
        }

        var finishReason = choice.TryGetProperty("finish_reason", out var finish) ? finish.ValueKind switch
        {
            JsonValueKind.String => finish.GetString(),
            JsonValueKind.Null => null,
            _ => throw new InvalidDataException("The local endpoint's finish_reason is not a string."),
        } : null;

        // vLLM names the stop string that ended generation (a number when a stop token did; null at end of text).
        var matchedStop = choice.TryGetProperty("stop_reason", out var stop) && stop.ValueKind == JsonValueKind.String ? stop.GetString() : null;
        return (text, finishReason, matchedStop);
    }

    private static string Content(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Null => string.Empty,
            _ => throw new InvalidDataException("The local endpoint's message content is not a string."),
        };
    }

    private static (int? Prompt, int? Completion) Usage(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        return (Count(usage, "prompt_tokens"), Count(usage, "completion_tokens"));

        static int? Count(JsonElement usage, string name) =>
            usage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0
                ? count
                : null;
    }
}
