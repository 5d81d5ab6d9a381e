using System.Text.Json;

namespace StealthRelay.Gateway.Echo;

/// <summary>What the echo provider needs from a request: model, stream flag, the last user text and the first tool.</summary>
internal sealed record EchoRequest(string Model, bool Stream, string UserText, string? ToolName)
{
    public static EchoRequest Parse(string path, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return new EchoRequest("echo", false, "", null);
        }

        using var document = JsonDocument.Parse(body.ToArray());
        var root = document.RootElement;
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "echo";
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var text = path switch
        {
            "/v1/responses" => FromResponsesInput(root),
            "/v1/embeddings" => FromEmbeddingsInput(root),
            _ => FromMessages(root),
        };
        return new EchoRequest(model, stream, text, FirstToolName(root));
    }

    private static string FromMessages(JsonElement root)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var last = "";
        foreach (var message in messages.EnumerateArray())
        {
            if (message.TryGetProperty("role", out var role) && role.ValueEquals("user") && message.TryGetProperty("content", out var content))
            {
                last = TextOf(content);
            }
        }

        return last;
    }

    private static string FromResponsesInput(JsonElement root)
    {
        if (!root.TryGetProperty("input", out var input))
        {
            return "";
        }

        if (input.ValueKind == JsonValueKind.String)
        {
            return input.GetString()!;
        }

        var last = "";
        if (input.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in input.EnumerateArray())
            {
                if (item.TryGetProperty("role", out var role) && role.ValueEquals("user") && item.TryGetProperty("content", out var content))
                {
                    last = TextOf(content);
                }
            }
        }

        return last;
    }

    private static string FromEmbeddingsInput(JsonElement root)
    {
        if (!root.TryGetProperty("input", out var input))
        {
            return "";
        }

        return input.ValueKind == JsonValueKind.Array
            ? string.Join('\n', input.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()))
            : input.ValueKind == JsonValueKind.String ? input.GetString()! : "";
    }

    private static string TextOf(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var part in content.EnumerateArray())
        {
            if (part.TryGetProperty("type", out var type) && (type.ValueEquals("text") || type.ValueEquals("input_text"))
                && part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                parts.Add(text.GetString()!);
            }
        }

        return string.Join('\n', parts);
    }

    private static string? FirstToolName(JsonElement root)
    {
        if (!root.TryGetProperty("tools", out var tools) || tools.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var tool in tools.EnumerateArray())
        {
            if (tool.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                return name.GetString(); // Anthropic tools and OpenAI Responses function tools
            }

            if (tool.TryGetProperty("function", out var function) && function.TryGetProperty("name", out var fname) && fname.ValueKind == JsonValueKind.String)
            {
                return fname.GetString(); // OpenAI chat tools
            }
        }

        return null;
    }
}
