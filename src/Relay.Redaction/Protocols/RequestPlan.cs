using System.Text;
using System.Text.Json;

namespace StealthRelay.Redaction.Protocols;

/// <summary>
/// The human texts of one request in document order, and how to write their redacted forms back into the body.
/// Tool-call arguments that parse as JSON contribute their string values (never keys), in their own order.
/// </summary>
internal sealed class RequestPlan
{
    private readonly List<Entry> _entries = [];

    private RequestPlan()
    {
    }

    public List<string> Texts { get; } = [];

    public bool Stream { get; private set; }

    public string? Model { get; private set; }

    /// <summary>Parses and walks <paramref name="body"/>; throws InvalidRequest for malformed JSON or a wrong shape.</summary>
    public static RequestPlan Create(ReadOnlySpan<byte> body, ApiShape shape)
    {
        JsonSyntaxNode root;
        try
        {
            root = JsonSyntaxTree.Parse(body);
        }
        catch (JsonException)
        {
            throw new RedactionException(RedactionFailure.InvalidRequest, "Invalid request: the body is not valid JSON (or repeats a property name).");
        }

        if (root.Kind != JsonKind.Object)
        {
            throw new RedactionException(RedactionFailure.InvalidRequest, "Invalid request: the body must be a JSON object.");
        }

        var collector = new TextSlotCollector();
        switch (shape)
        {
            case ApiShape.OpenAIChatCompletions:
                OpenAIChatRequestWalker.Collect(root, body, collector);
                break;
            case ApiShape.OpenAIResponses:
                OpenAIResponsesRequestWalker.Collect(root, body, collector);
                break;
            case ApiShape.OpenAIEmbeddings:
                EmbeddingsRequestWalker.Collect(root, collector);
                break;
            case ApiShape.AnthropicMessages:
            case ApiShape.AnthropicCountTokens:
                AnthropicRequestWalker.Collect(root, body, collector);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "Unknown API shape.");
        }

        var plan = new RequestPlan();
        try
        {
            plan.Stream = root["stream"]?.Kind == JsonKind.True;
            plan.Model = root["model"] is { IsString: true } model ? model.GetString(body) : null;
            collector.Slots.Sort(static (a, b) => a.Node.Start.CompareTo(b.Node.Start));
            foreach (var slot in collector.Slots)
            {
                plan.Add(slot, body);
            }
        }
        catch (Exception ex) when (ex is DecoderFallbackException or InvalidOperationException or JsonException)
        {
            throw new RedactionException(RedactionFailure.InvalidRequest, "Invalid request: a text field holds invalid UTF-8 or an invalid escape sequence.");
        }

        return plan;
    }

    /// <summary>Writes the body with every changed text replaced; untouched bytes are copied as they were.</summary>
    public byte[] Rewrite(ReadOnlySpan<byte> body, IReadOnlyList<string> redacted)
    {
        var replacements = new List<(JsonSyntaxNode, string)>();
        foreach (var e in _entries)
        {
            if (e.InnerRoot is null)
            {
                if (!ReferenceEquals(redacted[e.FirstText], Texts[e.FirstText]) && redacted[e.FirstText] != Texts[e.FirstText])
                {
                    replacements.Add((e.Slot.Node, redacted[e.FirstText]));
                }

                continue;
            }

            var inner = new List<(JsonSyntaxNode, string)>();
            for (var k = 0; k < e.InnerStrings!.Count; k++)
            {
                var t = e.FirstText + k;
                if (redacted[t] != Texts[t])
                {
                    inner.Add((e.InnerStrings[k], redacted[t]));
                }
            }

            if (inner.Count > 0)
            {
                var innerBytes = JsonSplicer.Splice(e.InnerBytes, inner);
                replacements.Add((e.Slot.Node, Encoding.UTF8.GetString(innerBytes)));
            }
        }

        return JsonSplicer.Splice(body, replacements);
    }

    private void Add(TextSlot slot, ReadOnlySpan<byte> body)
    {
        var text = slot.Node.GetString(body);
        if (slot.IsJsonDocument)
        {
            var innerBytes = Encoding.UTF8.GetBytes(text);
            var innerRoot = JsonSyntaxTree.TryParse(innerBytes);
            if (innerRoot is not null)
            {
                var innerCollector = new TextSlotCollector();
                innerCollector.AddStringValues(innerRoot);
                var strings = innerCollector.Slots.ConvertAll(static s => s.Node);
                _entries.Add(new Entry(slot, Texts.Count, innerRoot, strings, innerBytes));
                foreach (var s in strings)
                {
                    Texts.Add(s.GetString(innerBytes));
                }

                return;
            }
        }

        _entries.Add(new Entry(slot, Texts.Count, null, null, []));
        Texts.Add(text);
    }

    private sealed record Entry(TextSlot Slot, int FirstText, JsonSyntaxNode? InnerRoot, List<JsonSyntaxNode>? InnerStrings, byte[] InnerBytes);
}
