using static StealthRelay.Redaction.Protocols.WalkHelpers;

namespace StealthRelay.Redaction.Protocols;

/// <summary>OpenAI embeddings: <c>input</c> as a string or an array of strings; token-id arrays are left alone.</summary>
internal static class EmbeddingsRequestWalker
{
    public static void Collect(JsonSyntaxNode root, TextSlotCollector collector)
    {
        var input = root["input"];
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
            throw ShapeError.Create("input", "a string, an array of strings or an array of token arrays");
        }

        for (var i = 0; i < input.Items!.Count; i++)
        {
            var item = input.Items[i];
            switch (item.Kind)
            {
                case JsonKind.String:
                    collector.AddText(item);
                    break;
                case JsonKind.Number:
                    break;
                case JsonKind.Array when item.Items!.TrueForAll(static t => t.Kind == JsonKind.Number):
                    break;
                default:
                    throw ShapeError.Create($"input[{i}]", "a string, a token id or an array of token ids");
            }
        }
    }
}
