using static StealthRelay.Redaction.Protocols.WalkHelpers;

namespace StealthRelay.Redaction.Protocols;

/// <summary>
/// OpenAI chat completions: <c>messages[].content</c> (string or text/refusal parts), <c>messages[].refusal</c>,
/// <c>messages[].tool_calls[].function.arguments</c>, legacy <c>function_call.arguments</c>, and the predicted output
/// (<c>prediction.content</c>, a string or text parts: usually the user's own document or code). Roles, names, ids,
/// images, audio and files are left alone.
/// </summary>
internal static class OpenAIChatRequestWalker
{
    /// <summary>Chat content parts that carry no human text.</summary>
    private static readonly HashSet<string> MediaParts = ["image_url", "input_audio", "file"];

    public static void Collect(JsonSyntaxNode root, ReadOnlySpan<byte> source, TextSlotCollector collector)
    {
        CollectMessages(root, source, collector);
        var prediction = root["prediction"];
        if (!IsAbsent(prediction))
        {
            RequireObject(prediction!, "prediction");
            CollectContentParts(prediction!["content"], source, collector, "prediction.content", "a string or an array of text parts", MediaParts);
        }
    }

    private static void CollectMessages(JsonSyntaxNode root, ReadOnlySpan<byte> source, TextSlotCollector collector)
    {
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
            CollectContentParts(message["content"], source, collector, $"messages[{i}].content", "a string, an array of content parts or null", MediaParts);
            OptionalText(message["refusal"], collector, $"messages[{i}].refusal");
            CollectToolCalls(message["tool_calls"], collector, i);
            var functionCall = message["function_call"];
            if (!IsAbsent(functionCall))
            {
                RequireObject(functionCall!, $"messages[{i}].function_call");
                OptionalArguments(functionCall!["arguments"], collector, $"messages[{i}].function_call.arguments");
            }
        }
    }

    private static void CollectToolCalls(JsonSyntaxNode? toolCalls, TextSlotCollector collector, int message)
    {
        if (IsAbsent(toolCalls))
        {
            return;
        }

        if (toolCalls!.Kind != JsonKind.Array)
        {
            throw ShapeError.Create($"messages[{message}].tool_calls", "an array");
        }

        for (var t = 0; t < toolCalls.Items!.Count; t++)
        {
            var path = $"messages[{message}].tool_calls[{t}]";
            var call = RequireObject(toolCalls.Items[t], path);
            var function = call["function"];
            if (!IsAbsent(function))
            {
                RequireObject(function!, $"{path}.function");
                OptionalArguments(function!["arguments"], collector, $"{path}.function.arguments");
            }

            var custom = call["custom"];
            if (!IsAbsent(custom))
            {
                RequireObject(custom!, $"{path}.custom");
                OptionalText(custom!["input"], collector, $"{path}.custom.input");
            }
        }
    }
}
