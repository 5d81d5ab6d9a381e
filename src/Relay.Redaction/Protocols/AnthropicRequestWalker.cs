using static StealthRelay.Redaction.Protocols.WalkHelpers;

namespace StealthRelay.Redaction.Protocols;

/// <summary>
/// Anthropic messages and count_tokens: <c>system</c> (string or text blocks), <c>messages[].content</c> (string or
/// blocks: text, tool_use <c>input</c> string values, tool_result <c>content</c>, plain-text documents). Thinking
/// and redacted_thinking blocks stay byte-identical (their signatures cover them); images are left alone.
/// </summary>
internal static class AnthropicRequestWalker
{
    public static void Collect(JsonSyntaxNode root, ReadOnlySpan<byte> source, TextSlotCollector collector)
    {
        CollectBlocks(root["system"], source, collector, "system");
        var messages = root["messages"];
        if (IsAbsent(messages))
        {
            return;
        }

        if (messages!.Kind != JsonKind.Array)
        {
            throw ShapeError.Create("messages", "an array of message objects");
        }

        for (var i = 0; i < messages.Items!.Count; i++)
        {
            var message = RequireObject(messages.Items[i], $"messages[{i}]");
            CollectBlocks(message["content"], source, collector, $"messages[{i}].content");
        }
    }

    private static void CollectBlocks(JsonSyntaxNode? content, ReadOnlySpan<byte> source, TextSlotCollector collector, string path)
    {
        if (IsAbsent(content))
        {
            return;
        }

        if (content!.IsString)
        {
            collector.AddText(content);
            return;
        }

        if (content.Kind != JsonKind.Array)
        {
            throw ShapeError.Create(path, "a string or an array of content blocks");
        }

        for (var b = 0; b < content.Items!.Count; b++)
        {
            var blockPath = $"{path}[{b}]";
            var block = RequireObject(content.Items[b], blockPath);
            switch (TypeOf(block, source))
            {
                case "thinking" or "redacted_thinking" or "image":
                    break;
                case "tool_use" or "server_tool_use":
                    var input = block["input"];
                    if (!IsAbsent(input))
                    {
                        collector.AddStringValues(input!);
                    }

                    break;
                case "tool_result":
                    CollectBlocks(block["content"], source, collector, $"{blockPath}.content");
                    break;
                case "search_result":
                    OptionalText(block["title"], collector, $"{blockPath}.title");
                    CollectBlocks(block["content"], source, collector, $"{blockPath}.content");
                    break;
                case "document":
                    var documentSource = block["source"];
                    if (documentSource is { Kind: JsonKind.Object } && TypeOf(documentSource, source) == "text")
                    {
                        OptionalText(documentSource["data"], collector, $"{blockPath}.source.data");
                    }

                    break;
                default:
                    // "text", and unknown blocks that carry text (fail closed).
                    OptionalText(block["text"], collector, $"{blockPath}.text");
                    break;
            }
        }
    }
}
