using System.Text;
using System.Text.Json;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Fuzz.Invariants;

/// <summary>
/// Builds a streamed request and an SSE answer of each shape the way the providers send them, and reads the text
/// back out of a (restored) SSE stream. Kept independent of the library's own parsers on purpose.
/// </summary>
internal static class StreamFormat
{
    public static bool Supports(ApiShape shape) =>
        shape is ApiShape.OpenAIChatCompletions or ApiShape.OpenAIResponses or ApiShape.AnthropicMessages;

    public static byte[] Request(ApiShape shape, string text) => JsonSerializer.SerializeToUtf8Bytes<object>(shape switch
    {
        ApiShape.OpenAIChatCompletions => new { model = "gpt-4o-mini", stream = true, messages = new[] { new { role = "user", content = text } } },
        ApiShape.OpenAIResponses => new { model = "gpt-4o-mini", stream = true, input = text },
        ApiShape.OpenAIEmbeddings => new { model = "text-embedding-3-small", input = text },
        ApiShape.AnthropicMessages => new { model = "claude-sonnet-4-5", max_tokens = 256, stream = true, messages = new[] { new { role = "user", content = text } } },
        _ => new { model = "claude-sonnet-4-5", messages = new[] { new { role = "user", content = text } } },
    });

    /// <summary>The sanitized user text of a redacted <see cref="Request"/>.</summary>
    public static string SentText(ApiShape shape, ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return shape == ApiShape.OpenAIResponses
            ? root.GetProperty("input").GetString()!
            : root.GetProperty("messages")[0].GetProperty("content").GetString()!;
    }

    public static byte[] Build(ApiShape shape, IReadOnlyList<string> deltas)
    {
        var sse = new StringBuilder();
        switch (shape)
        {
            case ApiShape.OpenAIChatCompletions:
                foreach (var delta in deltas)
                {
                    Data(sse, null, new { id = "chatcmpl-1", @object = "chat.completion.chunk", created = 1, model = "gpt-4o-mini", choices = new[] { new { index = 0, delta = new { content = delta }, finish_reason = (string?)null } } });
                }

                Data(sse, null, new { id = "chatcmpl-1", @object = "chat.completion.chunk", created = 1, model = "gpt-4o-mini", choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } } });
                sse.Append("data: [DONE]\n\n");
                break;
            case ApiShape.OpenAIResponses:
                var seq = 0;
                Data(sse, "response.created", new { type = "response.created", sequence_number = seq++, response = new { id = "resp_1", status = "in_progress" } });
                foreach (var delta in deltas)
                {
                    Data(sse, "response.output_text.delta", new { type = "response.output_text.delta", sequence_number = seq++, item_id = "msg_1", output_index = 0, content_index = 0, delta });
                }

                Data(sse, "response.output_text.done", new { type = "response.output_text.done", sequence_number = seq++, item_id = "msg_1", output_index = 0, content_index = 0, text = string.Concat(deltas) });
                Data(sse, "response.completed", new { type = "response.completed", sequence_number = seq, response = new { id = "resp_1", status = "completed" } });
                break;
            case ApiShape.AnthropicMessages:
                Data(sse, "message_start", new { type = "message_start", message = new { id = "msg_1", type = "message", role = "assistant", content = Array.Empty<object>() } });
                Data(sse, "content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } });
                foreach (var delta in deltas)
                {
                    Data(sse, "content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = delta } });
                }

                Data(sse, "content_block_stop", new { type = "content_block_stop", index = 0 });
                Data(sse, "message_delta", new { type = "message_delta", delta = new { stop_reason = "end_turn" } });
                Data(sse, "message_stop", new { type = "message_stop" });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "No stream for this shape.");
        }

        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    /// <summary>A complete (non-streamed) answer of the shape carrying <paramref name="text"/>.</summary>
    public static byte[] Complete(ApiShape shape, string text) => JsonSerializer.SerializeToUtf8Bytes<object>(shape switch
    {
        ApiShape.OpenAIChatCompletions => new { id = "chatcmpl-1", @object = "chat.completion", choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } } },
        ApiShape.OpenAIResponses => new { id = "resp_1", @object = "response", output = new[] { new { type = "message", id = "msg_1", role = "assistant", content = new[] { new { type = "output_text", text } } } } },
        ApiShape.AnthropicMessages => new { id = "msg_1", type = "message", role = "assistant", content = new[] { new { type = "text", text } } },
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "No answer for this shape."),
    });

    /// <summary>The text of a <see cref="Complete"/> answer.</summary>
    public static string CompleteText(ApiShape shape, ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return shape switch
        {
            ApiShape.OpenAIChatCompletions => root.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!,
            ApiShape.OpenAIResponses => root.GetProperty("output")[0].GetProperty("content")[0].GetProperty("text").GetString()!,
            _ => root.GetProperty("content")[0].GetProperty("text").GetString()!,
        };
    }

    /// <summary>Concatenates the text deltas of a restored stream. Throws if an event's data is not JSON.</summary>
    public static string Text(ApiShape shape, ReadOnlySpan<byte> sse)
    {
        var text = new StringBuilder();
        foreach (var data in Events(Encoding.UTF8.GetString(sse)))
        {
            if (data == "[DONE]")
            {
                continue;
            }

            using var document = JsonDocument.Parse(data);
            var root = document.RootElement;
            switch (shape)
            {
                case ApiShape.OpenAIChatCompletions:
                    foreach (var choice in root.GetProperty("choices").EnumerateArray())
                    {
                        if (choice.GetProperty("delta").TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
                        {
                            text.Append(content.GetString());
                        }
                    }

                    break;
                case ApiShape.OpenAIResponses when root.GetProperty("type").GetString() == "response.output_text.delta":
                    text.Append(root.GetProperty("delta").GetString());
                    break;
                case ApiShape.AnthropicMessages when root.GetProperty("type").GetString() == "content_block_delta":
                    text.Append(root.GetProperty("delta").GetProperty("text").GetString());
                    break;
            }
        }

        return text.ToString();
    }

    private static void Data(StringBuilder sse, string? name, object payload)
    {
        if (name is not null)
        {
            sse.Append("event: ").Append(name).Append('\n');
        }

        sse.Append("data: ").Append(JsonSerializer.Serialize(payload)).Append("\n\n");
    }

    private static IEnumerable<string> Events(string sse)
    {
        var data = new List<string>();
        foreach (var line in sse.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    yield return string.Join('\n', data);
                    data.Clear();
                }
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line.StartsWith("data: ", StringComparison.Ordinal) ? line[6..] : line[5..]);
            }
        }

        if (data.Count > 0)
        {
            throw new FormatException("The stream ends inside an event.");
        }
    }
}
