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
    private readonly List<int> _flushing = [];

    public AnthropicStreamRestorer(PlaceholderVault vault)
        : base(vault)
    {
    }

    protected override void OnJsonEvent(in SseEvent sseEvent, IBufferWriter<byte> output)
    {
        var src = sseEvent.Data;
        var doc = sseEvent.Document;
        const int root = SseJsonDocument.Root;
        var type = doc.Property(root, "type"u8);
        var index = OpenAIChatStreamRestorer.IntOf(doc, doc.Property(root, "index"u8), src, 0);
        if (doc.ValueEquals(type, "content_block_delta"u8, src))
        {
            var delta = doc.Property(root, "delta"u8);
            if (doc.Is(delta, JsonKind.Object))
            {
                var deltaType = doc.Property(delta, "type"u8);
                if (doc.ValueEquals(deltaType, "text_delta"u8, src))
                {
                    Push(doc, doc.Property(delta, "text"u8), index, json: false, src);
                }
                else if (doc.ValueEquals(deltaType, "input_json_delta"u8, src))
                {
                    Push(doc, doc.Property(delta, "partial_json"u8), index, json: true, src);
                }
            }
        }
        else if (doc.ValueEquals(type, "content_block_start"u8, src))
        {
            if (TreeOf(src)["content_block"] is { Kind: JsonKind.Object } block)
            {
                _slots.Clear();
                ResponseSlots.CollectAnthropicBlock(block, src, _slots);
                AddReplacements(ResponseSlots.Restore(_slots, src, Vault));
            }
        }
        else if (doc.ValueEquals(type, "content_block_stop"u8, src))
        {
            Flush(index, output);
        }
        else if (doc.ValueEquals(type, "message_delta"u8, src) || doc.ValueEquals(type, "message_stop"u8, src))
        {
            FlushAll(output);
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
        _flushing.Clear();
        _flushing.AddRange(_streams.Keys);
        foreach (var index in _flushing)
        {
            Flush(index, output);
        }
    }

    private void Push(SseJsonDocument doc, int node, int index, bool json, ReadOnlySpan<byte> src)
    {
        if (!doc.IsString(node))
        {
            return;
        }

        if (!_streams.TryGetValue(index, out var stream))
        {
            stream = new HeldText(json);
            _streams[index] = stream;
        }

        var restored = stream.Push(doc.GetChars(node, src), Vault, final: false);
        if (restored is not null)
        {
            Replacements.Add((doc.Start(node), doc.End(node), restored));
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
