namespace StealthRelay.Redaction.Protocols;

/// <summary>Small checks shared by the request shape walkers.</summary>
internal static class WalkHelpers
{
    public static bool IsAbsent(JsonSyntaxNode? node) => node is null || node.Kind == JsonKind.Null;

    /// <summary>Adds an optional string field as text; null or absent is skipped; anything else is a shape error.</summary>
    public static void OptionalText(JsonSyntaxNode? node, TextSlotCollector collector, string path)
    {
        if (IsAbsent(node))
        {
            return;
        }

        if (!node!.IsString)
        {
            throw ShapeError.Create(path, "a string");
        }

        collector.AddText(node);
    }

    /// <summary>Adds optional tool-call arguments (a JSON document in a string).</summary>
    public static void OptionalArguments(JsonSyntaxNode? node, TextSlotCollector collector, string path)
    {
        if (IsAbsent(node))
        {
            return;
        }

        if (!node!.IsString)
        {
            throw ShapeError.Create(path, "a string holding JSON");
        }

        collector.AddJsonText(node);
    }

    public static JsonSyntaxNode RequireObject(JsonSyntaxNode node, string path) =>
        node.Kind == JsonKind.Object ? node : throw ShapeError.Create(path, "an object");

    public static string? TypeOf(JsonSyntaxNode obj, ReadOnlySpan<byte> source)
    {
        var type = obj["type"];
        return type is { IsString: true } ? type.GetString(source) : null;
    }

    /// <summary>
    /// OpenAI content (chat and Responses): a string, or an array of parts. Media parts are skipped; refusal parts are
    /// text; every other part's <c>text</c> is text, unknown part types included (fail closed: redact rather than leak).
    /// </summary>
    public static void CollectContentParts(
        JsonSyntaxNode? content, ReadOnlySpan<byte> source, TextSlotCollector collector, string path, string expected, IReadOnlySet<string> mediaParts)
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
            throw ShapeError.Create(path, expected);
        }

        for (var p = 0; p < content.Items!.Count; p++)
        {
            var part = RequireObject(content.Items[p], $"{path}[{p}]");
            var type = TypeOf(part, source);
            if (type is not null && mediaParts.Contains(type))
            {
                continue;
            }

            var field = type == "refusal" ? "refusal" : "text";
            OptionalText(part[field], collector, $"{path}[{p}].{field}");
        }
    }
}
