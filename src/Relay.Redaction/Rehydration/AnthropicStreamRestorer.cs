using System.Buffers;
using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>
/// Anthropic message events: restores <c>content_block_delta</c> <c>text_delta.text</c> and
/// <c>input_json_delta.partial_json</c> with one hold-back state per block index. Held text is released in a
/// synthetic <c>content_block_delta</c> just before <c>content_block_stop</c> (or <c>message_delta</c>/<c>message_stop</c>).
/// Thinking deltas pass through untouched.
/// </summary>
internal sealed class AnthropicStreamRestorer : SseStreamRestorer
{
    private readonly Dictionary<int, HeldText> _streams = [];
    private readonly SyntheticJson _json = new();
    private readonly List<TextSlot> _slots = [];

    public AnthropicStreamRestorer(PlaceholderVault vault)
        : base(vault)
    {
    }

    protected override void OnJsonEvent(in SseEvent sseEvent, IBufferWriter<byte> output)
    {
        var src = sseEvent.Data;
        var root = sseEvent.Root;
        var type = root["type"] is { IsString: true } t ? t.GetString(src) : null;
        var index = OpenAIChatStreamRestorer.IntOf(root["index"], src, 0);
        switch (type)
        {
            case "content_block_delta":
                if (root["delta"] is { Kind: JsonKind.Object } delta)
                {
                    switch (WalkHelpers.TypeOf(delta, src))
                    {
                        case "text_delta":
                            Push(delta["text"], index, json: false, src);
                            break;
                        case "input_json_delta":
                            Push(delta["partial_json"], index, json: true, src);
                            break;
                    }
                }

                break;
            case "content_block_start":
                if (root["content_block"] is { Kind: JsonKind.Object } block)
                {
                    _slots.Clear();
                    ResponseSlots.CollectAnthropicBlock(block, src, _slots);
                    Replacements.AddRange(ResponseSlots.Restore(_slots, src, Vault));
                }

                break;
            case "content_block_stop":
                Flush(index, output);
                break;
            case "message_delta" or "message_stop":
                FlushAll(output);
                break;
        }

        sseEvent.Write(output, Replacements);
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

    protected override bool HasJsonDelta(ReadOnlySpan<byte> data) => data.IndexOf("input_json_delta"u8) >= 0;

    protected override void FlushAll(IBufferWriter<byte> output)
    {
        foreach (var index in _streams.Keys.ToList())
        {
            Flush(index, output);
        }
    }

    private void Push(JsonSyntaxNode? node, int index, bool json, ReadOnlySpan<byte> src)
    {
        if (node is not { IsString: true })
        {
            return;
        }

        if (!_streams.TryGetValue(index, out var stream))
        {
            stream = new HeldText(json);
            _streams[index] = stream;
        }

        var text = node.GetString(src);
        var restored = stream.Push(text, Vault, final: false);
        if (!ReferenceEquals(restored, text))
        {
            Replacements.Add((node, restored));
        }
    }

    private void Flush(int index, IBufferWriter<byte> output)
    {
        if (!_streams.Remove(index, out var stream) || !stream.HasHeld)
        {
            return;
        }

        var held = stream.Flush(Vault);
        var w = _json.Begin();
        w.WriteStartObject();
        w.WriteString("type", "content_block_delta");
        w.WriteNumber("index", index);
        w.WriteStartObject("delta");
        if (stream.IsJson)
        {
            w.WriteString("type", "input_json_delta");
            w.WriteString("partial_json", held);
        }
        else
        {
            w.WriteString("type", "text_delta");
            w.WriteString("text", held);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        SseEvent.WriteSynthetic(output, EventName("content_block_delta"), _json.End(), NewLine);
    }
}
