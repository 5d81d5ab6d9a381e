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
    private readonly List<int> _choices = [];
    private readonly List<KeyValuePair<(int Choice, int Kind, int Tool), HeldText>> _flushing = [];

    /// <summary>The data of the last event after which some text was held (the model of synthetic chunks).</summary>
    private byte[] _template = [];
    private int _templateLength = -1;

    public OpenAIChatStreamRestorer(PlaceholderVault vault)
        : base(vault)
    {
    }

    protected override void OnJsonEvent(in SseEvent sseEvent, IBufferWriter<byte> output)
    {
        var src = sseEvent.Data;
        var doc = sseEvent.Document;
        var choices = doc.Property(SseJsonDocument.Root, "choices"u8);
        if (!doc.Is(choices, JsonKind.Array))
        {
            sseEvent.Write(output, Replacements);
            return;
        }

        var position = 0;
        for (var choice = doc.FirstChild(choices); choice >= 0; choice = doc.Next(choice), position++)
        {
            if (!doc.Is(choice, JsonKind.Object))
            {
                continue;
            }

            var index = IntOf(doc, doc.Property(choice, "index"u8), src, position);
            var finishing = doc.IsString(doc.Property(choice, "finish_reason"u8));
            _touched.Clear();
            var delta = doc.Property(choice, "delta"u8);
            if (doc.Is(delta, JsonKind.Object))
            {
                Push(doc, doc.Property(delta, "content"u8), (index, Content, 0), finishing, src);
                Push(doc, doc.Property(delta, "refusal"u8), (index, Refusal, 0), finishing, src);
                var calls = doc.Property(delta, "tool_calls"u8);
                for (var call = doc.Is(calls, JsonKind.Array) ? doc.FirstChild(calls) : -1; call >= 0; call = doc.Next(call))
                {
                    if (doc.Is(call, JsonKind.Object))
                    {
                        var tool = IntOf(doc, doc.Property(call, "index"u8), src, 0);
                        var arguments = doc.Property(doc.Property(call, "function"u8), "arguments"u8);
                        Push(doc, arguments, (index, ToolArguments, tool), finishing, src);
                    }
                }
            }

            if (finishing)
            {
                FlushChoice(index, doc, src, output);
            }
        }

        sseEvent.Write(output, Replacements);
        if (AnyHeld())
        {
            if (_template.Length < src.Length)
            {
                _template = new byte[Math.Max(src.Length, _template.Length * 2)];
            }

            src.CopyTo(_template);
            _templateLength = src.Length;
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
        if (_templateLength < 0)
        {
            _streams.Clear();
            return;
        }

        // The template was an accepted event, so it parses again; the document is free between events.
        var template = _template.AsSpan(0, _templateLength);
        if (!Document.TryParse(template))
        {
            throw new InvalidOperationException("The template event no longer parses.");
        }

        _touched.Clear();
        _choices.Clear();
        foreach (var key in _streams.Keys)
        {
            if (!_choices.Contains(key.Choice))
            {
                _choices.Add(key.Choice);
            }
        }

        foreach (var choice in _choices)
        {
            FlushChoice(choice, Document, template, output);
        }
    }

    private void Push(SseJsonDocument doc, int node, (int, int, int) key, bool final, ReadOnlySpan<byte> src)
    {
        if (!doc.IsString(node))
        {
            return;
        }

        if (!_streams.TryGetValue(key, out var stream))
        {
            stream = new HeldText(json: key.Item2 == ToolArguments);
            _streams[key] = stream;
        }

        var restored = stream.Push(doc.GetChars(node, src), Vault, final);
        if (restored is not null)
        {
            Replacements.Add((doc.Start(node), doc.End(node), restored));
        }

        _touched.Add(key);
    }

    /// <summary>Writes a synthetic chunk for each stream of the choice that still holds text, then forgets them.</summary>
    private void FlushChoice(int choice, SseJsonDocument template, ReadOnlySpan<byte> templateSrc, IBufferWriter<byte> output)
    {
        _flushing.Clear();
        foreach (var entry in _streams)
        {
            if (entry.Key.Choice == choice)
            {
                _flushing.Add(entry);
            }
        }

        foreach (var (key, stream) in _flushing)
        {
            _streams.Remove(key);
            if (_touched.Contains(key) || !stream.HasHeld)
            {
                continue;
            }

            var held = stream.Flush(Vault);
            var w = _json.Begin();
            w.WriteStartObject();
            for (var p = template.FirstChild(SseJsonDocument.Root); p >= 0; p = template.Next(p))
            {
                if (!template.NameEquals(p, "choices"u8) && !template.NameEquals(p, "usage"u8))
                {
                    w.WritePropertyName(template.GetName(p));
                    w.WriteRawValue(templateSrc[template.Start(p)..template.End(p)], skipInputValidation: true);
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

    internal static int IntOf(SseJsonDocument doc, int node, ReadOnlySpan<byte> src, int fallback) =>
        doc.Is(node, JsonKind.Number) && Utf8Parser.TryParse(src[doc.Start(node)..doc.End(node)], out int value, out _) ? value : fallback;
}
