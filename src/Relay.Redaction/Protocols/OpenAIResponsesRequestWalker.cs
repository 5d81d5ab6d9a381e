using static StealthRelay.Redaction.Protocols.WalkHelpers;

namespace StealthRelay.Redaction.Protocols;

/// <summary>
/// OpenAI Responses: <c>instructions</c>, and <c>input</c> as a string or items: messages (content string or
/// input_text/output_text/refusal parts), function_call <c>arguments</c>, function_call_output <c>output</c>,
/// custom tool calls. Reasoning items, references and media are left alone.
/// </summary>
internal static class OpenAIResponsesRequestWalker
{
    /// <summary>Responses content parts that carry no human text.</summary>
    private static readonly HashSet<string> MediaParts = ["input_image", "input_file", "input_audio"];

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
                    CollectContentParts(item["output"], source, collector, $"{itemPath}.output", "a string or an array of content parts", MediaParts);
                    break;
                case "custom_tool_call":
                    OptionalText(item["input"], collector, $"{itemPath}.input");
                    break;
                case "message" or null:
                    CollectContentParts(item["content"], source, collector, $"{itemPath}.content", "a string or an array of content parts", MediaParts);
                    break;
                default:
                    break;
            }
        }
    }
}
