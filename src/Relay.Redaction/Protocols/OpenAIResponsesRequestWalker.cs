using static StealthRelay.Redaction.Protocols.WalkHelpers;

namespace StealthRelay.Redaction.Protocols;

/// <summary>
/// OpenAI Responses: <c>instructions</c>, and <c>input</c> as a string or items: messages (content string or
/// input_text/output_text/refusal parts), function_call <c>arguments</c>, function_call_output <c>output</c>,
/// custom tool calls. Reasoning items, references and media are left alone.
/// </summary>
internal static class OpenAIResponsesRequestWalker
{
    public static void Collect(JsonSyntaxNode root, ReadOnlySpan<byte> source, TextSlotCollector collector)
    {
        CollectInput(root["instructions"], source, collector, "instructions");
        CollectInput(root["input"], source, collector, "input");
        CollectPromptVariables(root["prompt"], source, collector);
    }

    /// <summary>Reusable prompt variables: string values and input_text parts are text; image/file parts are not.</summary>
    private static void CollectPromptVariables(JsonSyntaxNode? prompt, ReadOnlySpan<byte> source, TextSlotCollector collector)
    {
        if (IsAbsent(prompt) || prompt!.Kind != JsonKind.Object || prompt["variables"] is not { Kind: JsonKind.Object } variables)
        {
            return;
        }

        foreach (var (_, value) in variables.Properties!)
        {
            if (value.IsString)
            {
                collector.AddText(value);
            }
            else if (value.Kind == JsonKind.Object && TypeOf(value, source) is not ("input_image" or "input_file"))
            {
                OptionalText(value["text"], collector, "prompt.variables.<variable>.text");
            }
        }
    }

    private static void CollectInput(JsonSyntaxNode? input, ReadOnlySpan<byte> source, TextSlotCollector collector, string path)
    {
        if (IsAbsent(input))
        {
            return;
        }

        if (input!.IsString)
        {
            collector.AddText(input);
            return;
        }

        if (input.Kind != JsonKind.Array)
        {
            throw ShapeError.Create(path, "a string or an array of input items");
        }

        for (var i = 0; i < input.Items!.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var item = RequireObject(input.Items[i], itemPath);
            var type = TypeOf(item, source);
            switch (type)
            {
                case "function_call":
                    OptionalArguments(item["arguments"], collector, $"{itemPath}.arguments");
                    break;
                case "function_call_output" or "custom_tool_call_output":
                    CollectContent(item["output"], source, collector, $"{itemPath}.output");
                    break;
                case "custom_tool_call":
                    OptionalText(item["input"], collector, $"{itemPath}.input");
                    break;
                case "message" or null:
                    CollectContent(item["content"], source, collector, $"{itemPath}.content");
                    break;
                default:
                    break;
            }
        }
    }

    private static void CollectContent(JsonSyntaxNode? content, ReadOnlySpan<byte> source, TextSlotCollector collector, string path)
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
            throw ShapeError.Create(path, "a string or an array of content parts");
        }

        for (var p = 0; p < content.Items!.Count; p++)
        {
            var part = RequireObject(content.Items[p], $"{path}[{p}]");
            switch (TypeOf(part, source))
            {
                case "input_image" or "input_file" or "input_audio":
                    break;
                case "refusal":
                    OptionalText(part["refusal"], collector, $"{path}[{p}].refusal");
                    break;
                default:
                    // input_text, output_text, and unknown parts that carry text (fail closed).
                    OptionalText(part["text"], collector, $"{path}[{p}].text");
                    break;
            }
        }
    }
}
