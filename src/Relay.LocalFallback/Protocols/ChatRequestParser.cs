using System.Text.Json;
using StealthRelay.LocalFallback.Llama;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Protocols;

/// <summary>Reads OpenAI chat-completions and Anthropic messages request bodies into a <see cref="ChatRequest"/>.</summary>
internal static class ChatRequestParser
{
    private const int MaxStopSequences = 16;

    public static ChatRequest Parse(LocalApi api, ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new InvalidChatRequestException("The request body is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidChatRequestException("The request body must be a JSON object.");
            }

            return api == LocalApi.AnthropicMessages ? ParseAnthropic(root) : ParseOpenAI(root);
        }
    }

    private static ChatRequest ParseOpenAI(JsonElement root)
    {
        if (JsonFields.PositiveInt(root, "n") is > 1)
        {
            throw new InvalidChatRequestException("'n' must be 1: the local model returns one choice.", "n");
        }

        var messages = new List<ChatMessage>();
        foreach (var message in Array(root, "messages"))
        {
            var role = JsonFields.String(message, "role") ?? throw new InvalidChatRequestException("Every message needs a 'role'.", "messages");
            var content = message.TryGetProperty("content", out var value) ? JsonFields.Text(value, "messages.content") : string.Empty;
            messages.Add(new ChatMessage(role, content));
        }

        var streamOptions = JsonFields.TryGet(root, "stream_options", out var options) && options.ValueKind == JsonValueKind.Object
            ? options
            : default;
        return new ChatRequest
        {
            Model = JsonFields.String(root, "model"),
            Messages = messages,
            MaxTokens = JsonFields.PositiveInt(root, "max_completion_tokens") ?? JsonFields.PositiveInt(root, "max_tokens"),
            Sampling = Sampling(root, maxTemperature: 2f),
            StopSequences = JsonFields.Strings(root, "stop", MaxStopSequences),
            Stream = JsonFields.Bool(root, "stream"),
            IncludeUsage = streamOptions.ValueKind == JsonValueKind.Object && JsonFields.Bool(streamOptions, "include_usage"),
        };
    }

    private static ChatRequest ParseAnthropic(JsonElement root)
    {
        var maxTokens = JsonFields.PositiveInt(root, "max_tokens")
            ?? throw new InvalidChatRequestException("max_tokens: Field required", "max_tokens");
        var messages = new List<ChatMessage>();
        if (JsonFields.TryGet(root, "system", out var system))
        {
            messages.Add(new ChatMessage("system", JsonFields.Text(system, "system")));
        }

        foreach (var message in Array(root, "messages"))
        {
            var role = JsonFields.String(message, "role") ?? throw new InvalidChatRequestException("Every message needs a 'role'.", "messages");
            if (role is not ("user" or "assistant"))
            {
                throw new InvalidChatRequestException("messages: role must be 'user' or 'assistant'.", "messages");
            }

            var content = message.TryGetProperty("content", out var value)
                ? JsonFields.Text(value, "messages.content")
                : throw new InvalidChatRequestException("Every message needs 'content'.", "messages");
            messages.Add(new ChatMessage(role, content));
        }

        return new ChatRequest
        {
            Model = JsonFields.String(root, "model"),
            Messages = messages,
            MaxTokens = maxTokens,
            Sampling = Sampling(root, maxTemperature: 1f),
            StopSequences = JsonFields.Strings(root, "stop_sequences", MaxStopSequences),
            Stream = JsonFields.Bool(root, "stream"),
        };
    }

    private static SamplingParameters Sampling(JsonElement root, float maxTemperature)
    {
        return new SamplingParameters
        {
            Temperature = JsonFields.Number(root, "temperature", 0f, maxTemperature) ?? 1f,
            TopP = JsonFields.Number(root, "top_p", 0f, 1f),
            TopK = JsonFields.PositiveInt(root, "top_k"),
            Seed = JsonFields.Seed(root, "seed"),
        };
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement root, string name)
    {
        if (!JsonFields.TryGet(root, name, out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw new InvalidChatRequestException($"'{name}' must be a non-empty array.", name);
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidChatRequestException($"Every item of '{name}' must be an object.", name);
            }
        }

        return value.EnumerateArray();
    }
}
