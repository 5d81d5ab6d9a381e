using System.Buffers;
using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>
/// OpenAI Responses events: restores <c>response.output_text.delta</c> (per item and content index),
/// <c>response.refusal.delta</c>, <c>response.function_call_arguments.delta</c> with hold-back, and the full texts
/// of the <c>*.done</c>, <c>response.content_part.done</c>, <c>response.output_item.done</c> and
/// <c>response.completed</c> events. Held text is released in a synthetic delta event just before the matching
/// <c>*.done</c> event.
/// </summary>
internal sealed class OpenAIResponsesStreamRestorer : SseStreamRestorer
{
    private const int Text = 0;
    private const int Refusal = 1;
    private const int Arguments = 2;
    private const int CustomInput = 3;

    private readonly Dictionary<(string Item, int Content, int Kind), (HeldText Stream, int OutputIndex)> _streams = [];
    private readonly SyntheticJson _json = new();
    private readonly List<TextSlot> _slots = [];
    private readonly List<(string Item, int Content, int Kind)> _flushing = [];

    /// <summary>The last item id decoded, and its UTF-8, so that deltas of one item share one string.</summary>
    private string _item = "";
    private byte[] _itemUtf8 = [];

    public OpenAIResponsesStreamRestorer(PlaceholderVault vault)
        : base(vault)
    {
    }

    protected override void OnJsonEvent(in SseEvent sseEvent, IBufferWriter<byte> output)
    {
        var src = sseEvent.Data;
        var doc = sseEvent.Document;
        const int root = SseJsonDocument.Root;
        var type = doc.Property(root, "type"u8);
        var content = OpenAIChatStreamRestorer.IntOf(doc, doc.Property(root, "content_index"u8), src, 0);
        var outputIndex = OpenAIChatStreamRestorer.IntOf(doc, doc.Property(root, "output_index"u8), src, 0);
        var sequence = OpenAIChatStreamRestorer.IntOf(doc, doc.Property(root, "sequence_number"u8), src, -1);
        _slots.Clear();
        if (doc.ValueEquals(type, "response.output_text.delta"u8, src))
        {
            Push(doc, doc.Property(root, "delta"u8), (ItemOf(doc, src), content, Text), outputIndex, src);
        }
        else if (doc.ValueEquals(type, "response.refusal.delta"u8, src))
        {
            Push(doc, doc.Property(root, "delta"u8), (ItemOf(doc, src), content, Refusal), outputIndex, src);
        }
        else if (doc.ValueEquals(type, "response.function_call_arguments.delta"u8, src))
        {
            Push(doc, doc.Property(root, "delta"u8), (ItemOf(doc, src), 0, Arguments), outputIndex, src);
        }
        else if (doc.ValueEquals(type, "response.custom_tool_call_input.delta"u8, src))
        {
            Push(doc, doc.Property(root, "delta"u8), (ItemOf(doc, src), 0, CustomInput), outputIndex, src);
        }
        else if (doc.ValueEquals(type, "response.output_text.done"u8, src))
        {
            Flush((ItemOf(doc, src), content, Text), sequence, output);
            AddSlot(TreeOf(src)["text"], json: false);
        }
        else if (doc.ValueEquals(type, "response.refusal.done"u8, src))
        {
            Flush((ItemOf(doc, src), content, Refusal), sequence, output);
            AddSlot(TreeOf(src)["refusal"], json: false);
        }
        else if (doc.ValueEquals(type, "response.function_call_arguments.done"u8, src))
        {
            Flush((ItemOf(doc, src), 0, Arguments), sequence, output);
            AddSlot(TreeOf(src)["arguments"], json: true);
        }
        else if (doc.ValueEquals(type, "response.custom_tool_call_input.done"u8, src))
        {
            Flush((ItemOf(doc, src), 0, CustomInput), sequence, output);
            AddSlot(TreeOf(src)["input"], json: false);
        }
        else if (doc.ValueEquals(type, "response.content_part.done"u8, src))
        {
            if (TreeOf(src)["part"] is { Kind: JsonKind.Object } part)
            {
                ResponseSlots.CollectResponsePart(part, _slots);
            }
        }
        else if (doc.ValueEquals(type, "response.output_item.done"u8, src))
        {
            if (TreeOf(src)["item"] is { Kind: JsonKind.Object } doneItem)
            {
                var doneId = doneItem["id"] is { IsString: true } d ? d.GetString(src) : ItemOf(doc, src);
                _flushing.Clear();
                foreach (var key in _streams.Keys)
                {
                    if (key.Item == doneId)
                    {
                        _flushing.Add(key);
                    }
                }

                foreach (var key in _flushing)
                {
                    Flush(key, sequence, output);
                }

                ResponseSlots.CollectResponseItem(doneItem, src, _slots);
            }
        }
        else if (doc.ValueEquals(type, "response.completed"u8, src)
            || doc.ValueEquals(type, "response.incomplete"u8, src)
            || doc.ValueEquals(type, "response.failed"u8, src))
        {
            FlushAll(sequence, output);
            if (TreeOf(src)["response"] is { Kind: JsonKind.Object } response)
            {
                ResponseSlots.CollectResponse(response, src, _slots);
            }
        }

        if (_slots.Count > 0)
        {
            AddReplacements(ResponseSlots.Restore(_slots, src, Vault));
        }

        sseEvent.Write(output, Replacements);
    }

    protected override void FlushAll(IBufferWriter<byte> output) => FlushAll(-1, output);

    protected override bool AnyHeld()
    {
        foreach (var (stream, _) in _streams.Values)
        {
            if (stream.HasHeld)
            {
                return true;
            }
        }

        return false;
    }

    protected override bool HasJsonDelta(ReadOnlySpan<byte> data) => data.IndexOf("function_call_arguments"u8) >= 0;

    private void FlushAll(int sequence, IBufferWriter<byte> output)
    {
        _flushing.Clear();
        _flushing.AddRange(_streams.Keys);
        foreach (var key in _flushing)
        {
            Flush(key, sequence, output);
        }
    }

    /// <summary>The event's <c>item_id</c> ("" when absent), one string per run of events of the same item.</summary>
    private string ItemOf(SseJsonDocument doc, ReadOnlySpan<byte> src)
    {
        var id = doc.Property(SseJsonDocument.Root, "item_id"u8);
        if (!doc.IsString(id))
        {
            return "";
        }

        var utf8 = doc.GetUtf8(id, src);
        if (!utf8.SequenceEqual(_itemUtf8))
        {
            _item = doc.GetString(id, src);
            _itemUtf8 = utf8.ToArray();
        }

        return _item;
    }

    private void AddSlot(JsonSyntaxNode? node, bool json)
    {
        if (node is { IsString: true })
        {
            _slots.Add(new TextSlot(node, json));
        }
    }

    private void Push(SseJsonDocument doc, int node, (string, int, int) key, int outputIndex, ReadOnlySpan<byte> src)
    {
        if (!doc.IsString(node))
        {
            return;
        }

        if (!_streams.TryGetValue(key, out var entry))
        {
            entry = (new HeldText(json: key.Item3 == Arguments), outputIndex);
            _streams[key] = entry;
        }

        var restored = entry.Stream.Push(doc.GetChars(node, src), Vault, final: false);
        if (restored is not null)
        {
            Replacements.Add((doc.Start(node), doc.End(node), restored));
        }
    }

    /// <summary>Writes a synthetic delta event with the stream's held text (if any) and forgets the stream.</summary>
    private void Flush((string Item, int Content, int Kind) key, int sequence, IBufferWriter<byte> output)
    {
        if (!_streams.Remove(key, out var entry) || !entry.Stream.HasHeld)
        {
            return;
        }

        var held = entry.Stream.Flush(Vault);
        var type = key.Kind switch
        {
            Text => "response.output_text.delta",
            Refusal => "response.refusal.delta",
            Arguments => "response.function_call_arguments.delta",
            _ => "response.custom_tool_call_input.delta",
        };
        var w = _json.Begin();
        w.WriteStartObject();
        w.WriteString("type", type);
        if (sequence >= 0)
        {
            w.WriteNumber("sequence_number", sequence);
        }

        w.WriteString("item_id", key.Item);
        w.WriteNumber("output_index", entry.OutputIndex);
        if (key.Kind is Text or Refusal)
        {
            w.WriteNumber("content_index", key.Content);
        }

        w.WriteString("delta", held);
        if (key.Kind == Text)
        {
            w.WriteStartArray("logprobs");
            w.WriteEndArray();
        }

        w.WriteEndObject();
        SseEvent.WriteSynthetic(output, EventName(type), _json.End(), NewLine);
    }
}
