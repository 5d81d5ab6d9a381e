using System.Buffers;
using System.Buffers.Text;
using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>
/// OpenAI chat completion chunks: restores <c>choices[i].delta.content</c>, <c>.refusal</c> and
/// <c>.tool_calls[j].function.arguments</c>, with one hold-back state per choice and tool call. A choice's held
/// text is released in its finishing chunk, in a synthetic chunk before it, or before <c>[DONE]</c>.
/// </summary>
internal sealed class OpenAIChatStreamRestorer : SseStreamRestorer
{
    private const int Content = 0;
    private const int Refusal = 1;
    private const int ToolArguments = 2;

    private readonly Dictionary<(int Choice, int Kind, int Tool), HeldText> _streams = [];
    private readonly SyntheticJson _json = new();
    private readonly List<(int Choice, int Kind, int Tool)> _touched = [];
    private byte[]? _template;

    public OpenAIChatStreamRestorer(PlaceholderVault vault)
        : base(vault)
    {
    }

    protected override void OnJsonEvent(in SseEvent sseEvent, IBufferWriter<byte> output)
    {
        var src = sseEvent.Data;
        var choices = sseEvent.Root["choices"];
        if (choices is not { Kind: JsonKind.Array })
        {
            sseEvent.Write(output, Replacements);
            return;
        }

        for (var position = 0; position < choices.Items!.Count; position++)
        {
            var choice = choices.Items[position];
            if (choice.Kind != JsonKind.Object)
            {
                continue;
            }

            var index = IntOf(choice["index"], src, position);
            var finishing = choice["finish_reason"] is { IsString: true };
            _touched.Clear();
            if (choice["delta"] is { Kind: JsonKind.Object } delta)
            {
                Push(delta["content"], (index, Content, 0), finishing, src);
                Push(delta["refusal"], (index, Refusal, 0), finishing, src);
                foreach (var call in ResponseSlots.ItemsOf(delta["tool_calls"]))
                {
                    if (call.Kind == JsonKind.Object)
                    {
                        var tool = IntOf(call["index"], src, 0);
                        Push(call["function"]?["arguments"], (index, ToolArguments, tool), finishing, src);
                    }
                }
            }

            if (finishing)
            {
                FlushChoice(index, sseEvent.Root, src, output);
            }
        }

        sseEvent.Write(output, Replacements);
        if (AnyHeld())
        {
            _template = src.ToArray();
        }
    }

    protected override bool AnyHeld()
    {
        foreach (var stream in _streams.Values)
        {
            if (stream.HasHeld)
            {
                return true;
            }
        }

        return false;
    }

    protected override bool HasJsonDelta(ReadOnlySpan<byte> data) => data.IndexOf("\"arguments\""u8) >= 0;

    protected override void FlushAll(IBufferWriter<byte> output)
    {
        if (_template is null)
        {
            _streams.Clear();
            return;
        }

        var root = JsonSyntaxTree.Parse(_template);
        _touched.Clear();
        foreach (var choice in _streams.Keys.Select(static k => k.Choice).Distinct().ToList())
        {
            FlushChoice(choice, root, _template, output);
        }
    }

    private void Push(JsonSyntaxNode? node, (int, int, int) key, bool final, ReadOnlySpan<byte> src)
    {
        if (node is not { IsString: true })
        {
            return;
        }

        if (!_streams.TryGetValue(key, out var stream))
        {
            stream = new HeldText(json: key.Item2 == ToolArguments);
            _streams[key] = stream;
        }

        var text = node.GetString(src);
        var restored = stream.Push(text, Vault, final);
        if (!ReferenceEquals(restored, text))
        {
            Replacements.Add((node, restored));
        }

        _touched.Add(key);
    }

    /// <summary>Writes a synthetic chunk for each stream of the choice that still holds text, then forgets them.</summary>
    private void FlushChoice(int choice, JsonSyntaxNode template, ReadOnlySpan<byte> templateSrc, IBufferWriter<byte> output)
    {
        foreach (var (key, stream) in _streams.Where(kv => kv.Key.Choice == choice).ToList())
        {
            _streams.Remove(key);
            if (_touched.Contains(key) || !stream.HasHeld)
            {
                continue;
            }

            var held = stream.Flush(Vault);
            var w = _json.Begin();
            w.WriteStartObject();
            foreach (var p in template.Properties!)
            {
                if (p.Key is not ("choices" or "usage"))
                {
                    w.WritePropertyName(p.Key);
                    w.WriteRawValue(templateSrc[p.Value.Start..p.Value.End], skipInputValidation: true);
                }
            }

            w.WriteStartArray("choices");
            w.WriteStartObject();
            w.WriteNumber("index", choice);
            w.WriteStartObject("delta");
            switch (key.Kind)
            {
                case Content:
                    w.WriteString("content", held);
                    break;
                case Refusal:
                    w.WriteString("refusal", held);
                    break;
                default:
                    w.WriteStartArray("tool_calls");
                    w.WriteStartObject();
                    w.WriteNumber("index", key.Tool);
                    w.WriteStartObject("function");
                    w.WriteString("arguments", held);
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndArray();
                    break;
            }

            w.WriteEndObject();
            w.WriteNull("finish_reason");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            SseEvent.WriteSynthetic(output, null, _json.End(), NewLine);
        }
    }

    internal static int IntOf(JsonSyntaxNode? node, ReadOnlySpan<byte> src, int fallback) =>
        node is { Kind: JsonKind.Number } && Utf8Parser.TryParse(src[node.Start..node.End], out int value, out _) ? value : fallback;
}
