using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>Restores complete JSON answers, and creates per-shape restorers for streamed (SSE) answers.</summary>
internal sealed class ResponseRestorer : IResponseRestorer
{
    public byte[] RestoreJson(ReadOnlySpan<byte> body, ApiShape shape, IPlaceholderVault vault)
    {
        var ours = AsVault(vault);
        if (ours.Count == 0 || shape == ApiShape.OpenAIEmbeddings || shape == ApiShape.AnthropicCountTokens)
        {
            return body.ToArray();
        }

        var root = JsonSyntaxTree.TryParse(body);
        if (root is null || root.Kind != JsonKind.Object)
        {
            return body.ToArray();
        }

        var slots = new List<TextSlot>();
        switch (shape)
        {
            case ApiShape.OpenAIChatCompletions:
                ResponseSlots.CollectChatCompletion(root, body, slots);
                break;
            case ApiShape.OpenAIResponses:
                ResponseSlots.CollectResponse(root, body, slots);
                break;
            case ApiShape.AnthropicMessages:
                ResponseSlots.CollectAnthropicMessage(root, body, slots);
                break;
        }

        return JsonSplicer.Splice(body, ResponseSlots.Restore(slots, body, ours));
    }

    public IStreamRestorer CreateStreamRestorer(ApiShape shape, IPlaceholderVault vault)
    {
        var ours = AsVault(vault);
        return shape switch
        {
            ApiShape.OpenAIChatCompletions => new OpenAIChatStreamRestorer(ours),
            ApiShape.OpenAIResponses => new OpenAIResponsesStreamRestorer(ours),
            ApiShape.AnthropicMessages => new AnthropicStreamRestorer(ours),
            _ => new PassThroughStreamRestorer(),
        };
    }

    private static PlaceholderVault AsVault(IPlaceholderVault vault)
    {
        ArgumentNullException.ThrowIfNull(vault);
        return vault as PlaceholderVault
            ?? throw new ArgumentException("The vault must come from this library's request redactor.", nameof(vault));
    }
}
