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

    public OpenAIResponsesStreamRestorer(PlaceholderVault vault)
        : base(vault)
    {
    }

    protected override void OnJsonEvent(in SseEvent sseEvent, IBufferWriter<byte> output)
    {
        var src = sseEvent.Data;
        var root = sseEvent.Root;
        var type = root["type"] is { IsString: true } t ? t.GetString(src) : null;
        var item = root["item_id"] is { IsString: true } id ? id.GetString(src) : "";
        var content = OpenAIChatStreamRestorer.IntOf(root["content_index"], src, 0);
        var outputIndex = OpenAIChatStreamRestorer.IntOf(root["output_index"], src, 0);
        var sequence = OpenAIChatStreamRestorer.IntOf(root["sequence_number"], src, -1);
        _slots.Clear();
        switch (type)
        {
            case "response.output_text.delta":
                Push(root["delta"], (item, content, Text), outputIndex, src);
                break;
            case "response.refusal.delta":
                Push(root["delta"], (item, content, Refusal), outputIndex, src);
                break;
            case "response.function_call_arguments.delta":
                Push(root["delta"], (item, 0, Arguments), outputIndex, src);
                break;
            case "response.custom_tool_call_input.delta":
                Push(root["delta"], (item, 0, CustomInput), outputIndex, src);
                break;
            case "response.output_text.done":
                Flush((item, content, Text), sequence, output);
                AddSlot(root["text"], json: false);
                break;
            case "response.refusal.done":
                Flush((item, content, Refusal), sequence, output);
                AddSlot(root["refusal"], json: false);
                break;
            case "response.function_call_arguments.done":
                Flush((item, 0, Arguments), sequence, output);
                AddSlot(root["arguments"], json: true);
                break;
            case "response.custom_tool_call_input.done":
                Flush((item, 0, CustomInput), sequence, output);
                AddSlot(root["input"], json: false);
                break;
            case "response.content_part.done":
                if (root["part"] is { Kind: JsonKind.Object } part)
                {
                    ResponseSlots.CollectResponsePart(part, _slots);
                }

                break;
            case "response.output_item.done":
                if (root["item"] is { Kind: JsonKind.Object } doneItem)
                {
                    var doneId = doneItem["id"] is { IsString: true } d ? d.GetString(src) : item;
                    foreach (var key in _streams.Keys.Where(k => k.Item == doneId).ToList())
                    {
                        Flush(key, sequence, output);
                    }

                    ResponseSlots.CollectResponseItem(doneItem, src, _slots);
                }

                break;
            case "response.completed" or "response.incomplete" or "response.failed":
                FlushAll(sequence, output);
                if (root["response"] is { Kind: JsonKind.Object } response)
                {
                    ResponseSlots.CollectResponse(response, src, _slots);
                }

                break;
        }

        if (_slots.Count > 0)
        {
            Replacements.AddRange(ResponseSlots.Restore(_slots, src, Vault));
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
        foreach (var key in _streams.Keys.ToList())
        {
            Flush(key, sequence, output);
        }
    }

    private void AddSlot(JsonSyntaxNode? node, bool json)
    {
        if (node is { IsString: true })
        {
            _slots.Add(new TextSlot(node, json));
        }
    }

    private void Push(JsonSyntaxNode? node, (string, int, int) key, int outputIndex, ReadOnlySpan<byte> src)
    {
        if (node is not { IsString: true })
        {
            return;
        }

        if (!_streams.TryGetValue(key, out var entry))
        {
            entry = (new HeldText(json: key.Item3 == Arguments), outputIndex);
            _streams[key] = entry;
        }

        var text = node.GetString(src);
        var restored = entry.Stream.Push(text, Vault, final: false);
        if (!ReferenceEquals(restored, text))
        {
            Replacements.Add((node, restored));
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
