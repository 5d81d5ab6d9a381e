using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>
/// Finds the fields of provider answers that may carry placeholders. Answers are not validated: a field of an
/// unexpected shape is simply not restored.
/// </summary>
internal static class ResponseSlots
{
    /// <summary>OpenAI chat completion: choices[].message content, refusal, tool-call arguments.</summary>
    public static void CollectChatCompletion(JsonSyntaxNode root, ReadOnlySpan<byte> source, List<TextSlot> slots)
    {
        foreach (var choice in ItemsOf(root["choices"]))
        {
            if (choice["message"] is { Kind: JsonKind.Object } message)
            {
                CollectChatMessage(message, source, slots);
            }
        }
    }

    private static void CollectChatMessage(JsonSyntaxNode message, ReadOnlySpan<byte> source, List<TextSlot> slots)
    {
        var content = message["content"];
        if (content is { IsString: true })
        {
            slots.Add(new TextSlot(content, false));
        }
        else
        {
            foreach (var part in ItemsOf(content))
            {
                AddString(part["text"], slots);
                AddString(part["refusal"], slots);
            }
        }

        AddString(message["refusal"], slots);
        foreach (var call in ItemsOf(message["tool_calls"]))
        {
            AddArguments(call["function"]?["arguments"], slots);
            AddString(call["custom"]?["input"], slots);
        }

        AddArguments(message["function_call"]?["arguments"], slots);
    }

    /// <summary>OpenAI Responses response object: output items and the <c>output_text</c> convenience field.</summary>
    public static void CollectResponse(JsonSyntaxNode response, ReadOnlySpan<byte> source, List<TextSlot> slots)
    {
        foreach (var item in ItemsOf(response["output"]))
        {
            CollectResponseItem(item, source, slots);
        }

        AddString(response["output_text"], slots);
    }

    /// <summary>One Responses output item: message parts, function_call arguments, custom tool input.</summary>
    public static void CollectResponseItem(JsonSyntaxNode item, ReadOnlySpan<byte> source, List<TextSlot> slots)
    {
        if (item.Kind != JsonKind.Object)
        {
            return;
        }

        switch (WalkHelpers.TypeOf(item, source))
        {
            case "message":
                foreach (var part in ItemsOf(item["content"]))
                {
                    CollectResponsePart(part, slots);
                }

                break;
            case "function_call":
                AddArguments(item["arguments"], slots);
                break;
            case "custom_tool_call":
                AddString(item["input"], slots);
                break;
        }
    }

    /// <summary>A Responses content part: output_text <c>text</c> or refusal <c>refusal</c>.</summary>
    public static void CollectResponsePart(JsonSyntaxNode part, List<TextSlot> slots)
    {
        AddString(part["text"], slots);
        AddString(part["refusal"], slots);
    }

    /// <summary>Anthropic message: content[] text blocks and tool_use input string values.</summary>
    public static void CollectAnthropicMessage(JsonSyntaxNode root, ReadOnlySpan<byte> source, List<TextSlot> slots)
    {
        foreach (var block in ItemsOf(root["content"]))
        {
            CollectAnthropicBlock(block, source, slots);
        }
    }

    public static void CollectAnthropicBlock(JsonSyntaxNode block, ReadOnlySpan<byte> source, List<TextSlot> slots)
    {
        if (block.Kind != JsonKind.Object)
        {
            return;
        }

        switch (WalkHelpers.TypeOf(block, source))
        {
            case "text":
                AddString(block["text"], slots);
                break;
            case "tool_use" or "server_tool_use":
                if (block["input"] is { } input)
                {
                    var collector = new TextSlotCollector();
                    collector.AddStringValues(input);
                    slots.AddRange(collector.Slots);
                }

                break;
        }
    }

    public static IEnumerable<JsonSyntaxNode> ItemsOf(JsonSyntaxNode? array) =>
        array is { Kind: JsonKind.Array } ? array.Items! : [];

    private static void AddString(JsonSyntaxNode? node, List<TextSlot> slots)
    {
        if (node is { IsString: true })
        {
            slots.Add(new TextSlot(node, false));
        }
    }

    private static void AddArguments(JsonSyntaxNode? node, List<TextSlot> slots)
    {
        if (node is { IsString: true })
        {
            slots.Add(new TextSlot(node, true));
        }
    }

    /// <summary>Restores the slots' strings; returns the replacements for those that changed.</summary>
    public static List<(JsonSyntaxNode Node, string Value)> Restore(List<TextSlot> slots, ReadOnlySpan<byte> source, Placeholders.PlaceholderVault vault)
    {
        var replacements = new List<(JsonSyntaxNode, string)>();
        foreach (var slot in slots)
        {
            string text;
            try
            {
                text = slot.Node.GetString(source);
            }
            catch (Exception ex) when (ex is System.Text.DecoderFallbackException or InvalidOperationException)
            {
                continue;
            }

            var restored = slot.IsJsonDocument ? PlaceholderRestorer.RestoreJsonText(text, vault) : PlaceholderRestorer.Restore(text, vault);
            if (!ReferenceEquals(restored, text))
            {
                replacements.Add((slot.Node, restored));
            }
        }

        return replacements;
    }
}
