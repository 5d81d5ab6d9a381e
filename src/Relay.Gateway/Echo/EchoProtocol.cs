using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StealthRelay.Gateway.Echo;

/// <summary>
/// DEMO ONLY. Builds OpenAI and Anthropic answers (plain JSON or server-sent events) whose text is
/// <c>Echo provider received: &lt;the last user text&gt;</c>. When the request declares tools, the first tool is called
/// with <c>{"text": "&lt;received text&gt;"}</c> instead, so tool-call arguments can be seen round-tripping.
/// </summary>
internal static class EchoProtocol
{
    public const string Prefix = "Echo provider received: ";
    private const long Created = 1_700_000_000;

    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An answer: status, content type, and the body split into the pieces a streaming provider would send.</summary>
    public sealed record Answer(int StatusCode, string ContentType, IReadOnlyList<string> Pieces)
    {
        public byte[] ToBytes() => Encoding.UTF8.GetBytes(string.Concat(Pieces));
    }

    public static Answer Build(string method, string path, ReadOnlySpan<byte> body)
    {
        if (method == "GET" && path == "/v1/models")
        {
            return Json(new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(new JsonObject { ["id"] = "echo", ["object"] = "model", ["created"] = Created, ["owned_by"] = "stealthrelay-echo" }),
            });
        }

        if (method != "POST")
        {
            return NotFound(path);
        }

        var request = EchoRequest.Parse(path, body);
        var text = Prefix + request.UserText;
        return path switch
        {
            "/v1/chat/completions" => request.Stream ? ChatStream(request, text) : Json(ChatCompletion(request, text)),
            "/v1/responses" => request.Stream ? ResponsesStream(request, text) : Json(Response(request, text, "completed")),
            "/v1/embeddings" => Json(Embeddings(request)),
            "/v1/messages" => request.Stream ? MessagesStream(request, text) : Json(Message(request, text)),
            "/v1/messages/count_tokens" => Json(new JsonObject { ["input_tokens"] = (request.UserText.Length / 4) + 1 }),
            _ => NotFound(path),
        };
    }

    /// <summary>Splits text into pieces of at most <paramref name="size"/> chars without splitting surrogate pairs.</summary>
    public static IEnumerable<string> Split(string text, int size)
    {
        var i = 0;
        while (i < text.Length)
        {
            var length = Math.Min(size, text.Length - i);
            if (i + length < text.Length && char.IsHighSurrogate(text[i + length - 1]))
            {
                length = length > 1 ? length - 1 : 2;
            }

            yield return text.Substring(i, length);
            i += length;
        }
    }

    private static string ToolArguments(string text) => new JsonObject { ["text"] = text }.ToJsonString(s_json);

    private static JsonObject ChatCompletion(EchoRequest request, string text)
    {
        var message = new JsonObject { ["role"] = "assistant" };
        if (request.ToolName is { } tool)
        {
            message["content"] = null;
            message["tool_calls"] = new JsonArray(new JsonObject
            {
                ["id"] = "call_echo",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = tool, ["arguments"] = ToolArguments(text) },
            });
        }
        else
        {
            message["content"] = text;
        }

        return new JsonObject
        {
            ["id"] = "chatcmpl-echo",
            ["object"] = "chat.completion",
            ["created"] = Created,
            ["model"] = request.Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = request.ToolName is null ? "stop" : "tool_calls",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
        };
    }

    private static Answer ChatStream(EchoRequest request, string text)
    {
        var pieces = new List<string>();
        void Chunk(JsonObject delta, string? finish) => pieces.Add(Data(new JsonObject
        {
            ["id"] = "chatcmpl-echo",
            ["object"] = "chat.completion.chunk",
            ["created"] = Created,
            ["model"] = request.Model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        }));

        if (request.ToolName is { } tool)
        {
            Chunk(new JsonObject
            {
                ["role"] = "assistant",
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["id"] = "call_echo", ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = tool, ["arguments"] = "" },
                }),
            }, null);
            foreach (var piece in Split(ToolArguments(text), 4))
            {
                Chunk(new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = piece } }),
                }, null);
            }

            Chunk([], "tool_calls");
        }
        else
        {
            Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
            foreach (var piece in Split(text, 4))
            {
                Chunk(new JsonObject { ["content"] = piece }, null);
            }

            Chunk([], "stop");
        }

        pieces.Add("data: [DONE]\n\n");
        return new Answer(200, "text/event-stream", pieces);
    }

    private static JsonObject Response(EchoRequest request, string text, string status)
    {
        JsonNode item = request.ToolName is { } tool
            ? new JsonObject
            {
                ["type"] = "function_call", ["id"] = "fc_echo", ["call_id"] = "call_echo", ["name"] = tool,
                ["arguments"] = ToolArguments(text), ["status"] = "completed",
            }
            : OutputMessage(text, "completed");
        return new JsonObject
        {
            ["id"] = "resp_echo",
            ["object"] = "response",
            ["created_at"] = Created,
            ["status"] = status,
            ["model"] = request.Model,
            ["output"] = status == "completed" ? new JsonArray(item) : [],
            ["parallel_tool_calls"] = true,
            ["tool_choice"] = "auto",
            ["tools"] = new JsonArray(),
            ["usage"] = new JsonObject
            {
                ["input_tokens"] = 1, ["output_tokens"] = 1, ["total_tokens"] = 2,
                ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
                ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
            },
        };
    }

    private static JsonObject OutputMessage(string text, string status) => new()
    {
        ["type"] = "message",
        ["id"] = "msg_echo",
        ["status"] = status,
        ["role"] = "assistant",
        ["content"] = status == "completed"
            ? new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() })
            : [],
    };

    private static Answer ResponsesStream(EchoRequest request, string text)
    {
        var pieces = new List<string>();
        var sequence = 0;
        void Emit(string type, JsonObject payload)
        {
            payload["type"] = type;
            payload["sequence_number"] = sequence++;
            pieces.Add(Event(type, payload));
        }

        Emit("response.created", new JsonObject { ["response"] = Response(request, text, "in_progress") });
        Emit("response.output_item.added", new JsonObject { ["output_index"] = 0, ["item"] = OutputMessage("", "in_progress") });
        Emit("response.content_part.added", new JsonObject
        {
            ["item_id"] = "msg_echo", ["output_index"] = 0, ["content_index"] = 0,
            ["part"] = new JsonObject { ["type"] = "output_text", ["text"] = "", ["annotations"] = new JsonArray() },
        });
        foreach (var piece in Split(text, 4))
        {
            Emit("response.output_text.delta", new JsonObject
            {
                ["item_id"] = "msg_echo", ["output_index"] = 0, ["content_index"] = 0, ["delta"] = piece, ["logprobs"] = new JsonArray(),
            });
        }

        Emit("response.output_text.done", new JsonObject
        {
            ["item_id"] = "msg_echo", ["output_index"] = 0, ["content_index"] = 0, ["text"] = text, ["logprobs"] = new JsonArray(),
        });
        Emit("response.output_item.done", new JsonObject { ["output_index"] = 0, ["item"] = OutputMessage(text, "completed") });
        Emit("response.completed", new JsonObject { ["response"] = Response(request with { ToolName = null }, text, "completed") });
        return new Answer(200, "text/event-stream", pieces);
    }

    private static JsonObject Embeddings(EchoRequest request)
    {
        var data = new JsonArray();
        var inputs = request.UserText.Split('\n');
        for (var i = 0; i < inputs.Length; i++)
        {
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = new JsonArray(inputs[i].Length / 100.0, 0.5, 1.0),
            });
        }

        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request.Model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
        };
    }

    private static JsonObject Message(EchoRequest request, string text)
    {
        JsonObject block = request.ToolName is { } tool
            ? new JsonObject { ["type"] = "tool_use", ["id"] = "toolu_echo", ["name"] = tool, ["input"] = new JsonObject { ["text"] = text } }
            : new JsonObject { ["type"] = "text", ["text"] = text };
        return MessageEnvelope(request, new JsonArray(block), request.ToolName is null ? "end_turn" : "tool_use");
    }

    private static JsonObject MessageEnvelope(EchoRequest request, JsonArray content, string? stopReason) => new()
    {
        ["id"] = "msg_echo",
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = request.Model,
        ["content"] = content,
        ["stop_reason"] = stopReason,
        ["stop_sequence"] = null,
        ["usage"] = new JsonObject { ["input_tokens"] = 1, ["output_tokens"] = 1 },
    };

    private static Answer MessagesStream(EchoRequest request, string text)
    {
        var pieces = new List<string>
        {
            Event("message_start", new JsonObject { ["type"] = "message_start", ["message"] = MessageEnvelope(request, [], null) }),
        };
        if (request.ToolName is { } tool)
        {
            pieces.Add(Event("content_block_start", new JsonObject
            {
                ["type"] = "content_block_start", ["index"] = 0,
                ["content_block"] = new JsonObject { ["type"] = "tool_use", ["id"] = "toolu_echo", ["name"] = tool, ["input"] = new JsonObject() },
            }));
            foreach (var piece in Split(ToolArguments(text), 4))
            {
                pieces.Add(Event("content_block_delta", new JsonObject
                {
                    ["type"] = "content_block_delta", ["index"] = 0,
                    ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece },
                }));
            }
        }
        else
        {
            pieces.Add(Event("content_block_start", new JsonObject
            {
                ["type"] = "content_block_start", ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" },
            }));
            foreach (var piece in Split(text, 4))
            {
                pieces.Add(Event("content_block_delta", new JsonObject
                {
                    ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece },
                }));
            }
        }

        pieces.Add(Event("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 }));
        pieces.Add(Event("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = request.ToolName is null ? "end_turn" : "tool_use", ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = 1 },
        }));
        pieces.Add(Event("message_stop", new JsonObject { ["type"] = "message_stop" }));
        return new Answer(200, "text/event-stream", pieces);
    }

    private static Answer Json(JsonObject body) => new(200, "application/json", [body.ToJsonString(s_json)]);

    private static Answer NotFound(string path) => new(404, "application/json",
        [new JsonObject { ["error"] = new JsonObject { ["message"] = $"Echo provider has no endpoint {path}", ["type"] = "invalid_request_error" } }.ToJsonString(s_json)]);

    private static string Data(JsonObject payload) => "data: " + payload.ToJsonString(s_json) + "\n\n";

    private static string Event(string type, JsonObject payload) => "event: " + type + "\ndata: " + payload.ToJsonString(s_json) + "\n\n";
}
