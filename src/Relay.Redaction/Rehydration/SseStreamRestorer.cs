using System.Buffers;
using System.Text;
using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>
/// Frames an SSE stream into events however the bytes are chunked (events, lines and UTF-8 sequences may be split;
/// <c>\n</c> or <c>\r\n</c>), hands each JSON event to the shape-specific subclass and passes everything else
/// (comments, <c>[DONE]</c>, non-JSON data) through unchanged. Only the current incomplete event is buffered.
/// </summary>
internal abstract class SseStreamRestorer : IStreamRestorer
{
    private static readonly byte[] Lf = "\n"u8.ToArray();
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    private static ReadOnlySpan<byte> Done => "[DONE]"u8;

    private readonly bool _passThrough;
    private readonly byte[] _prefixStart;
    private byte[] _buffer = [];
    private int _length;
    private int _scanFrom;

    protected SseStreamRestorer(PlaceholderVault vault)
    {
        Vault = vault;
        _prefixStart = Encoding.UTF8.GetBytes(vault.Format.Prefix[..(char.IsHighSurrogate(vault.Format.Prefix[0]) ? 2 : 1)]);
        // No placeholder was sent: nothing can come back to restore.
        _passThrough = vault.Count == 0;
    }

    protected PlaceholderVault Vault { get; }

    /// <summary>Whether the upstream names its events with <c>event:</c> lines (synthetic events do the same).</summary>
    protected bool UsesEventLines { get; private set; }

    /// <summary>The line ending of the upstream.</summary>
    protected byte[] NewLine { get; private set; } = Lf;

    /// <summary>Replacements (byte range of a data string, new value) reused across events.</summary>
    protected List<(int Start, int End, string Value)> Replacements { get; } = [];

    /// <summary>The parse of the current event, reused across events (free between events).</summary>
    protected SseJsonDocument Document { get; } = new();

    public void Write(ReadOnlySpan<byte> upstream, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_passThrough)
        {
            output.Write(upstream);
            return;
        }

        Append(upstream);
        var eventStart = 0;
        var pos = _scanFrom;
        while (pos < _length)
        {
            var nl = _buffer.AsSpan(pos, _length - pos).IndexOf((byte)'\n');
            if (nl < 0)
            {
                break;
            }

            var lineEnd = pos + nl;
            var blank = lineEnd == pos || (lineEnd == pos + 1 && _buffer[pos] == (byte)'\r');
            pos = lineEnd + 1;
            if (blank)
            {
                ProcessEvent(_buffer.AsSpan(eventStart, pos - eventStart), output);
                eventStart = pos;
            }
        }

        var remaining = _length - eventStart;
        if (eventStart > 0 && remaining > 0)
        {
            _buffer.AsSpan(eventStart, remaining).CopyTo(_buffer);
        }

        _length = remaining;
        _scanFrom = pos - eventStart;
        if (_length == 0 && _buffer.Length > 64 * 1024)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    public void Complete(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_passThrough)
        {
            return;
        }

        FlushAll(output);
        if (_length > 0)
        {
            // The upstream ended inside an event: pass its bytes on as they are.
            output.Write(_buffer.AsSpan(0, _length));
            _length = 0;
            _scanFrom = 0;
        }

        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>Handles one JSON event: writes synthetic flush events if needed, then the (possibly rewritten) event.</summary>
    protected abstract void OnJsonEvent(in SseEvent sseEvent, IBufferWriter<byte> output);

    /// <summary>Writes every held tail in synthetic delta events (before <c>[DONE]</c> or at the upstream's end).</summary>
    protected abstract void FlushAll(IBufferWriter<byte> output);

    /// <summary>
    /// True when an event cannot change anything: no text is held, the data holds no placeholder start (raw or
    /// <c>\u</c>-escaped) and no JSON-arguments delta whose string state must be tracked. Such events are written
    /// without parsing, which keeps the common case (plain text deltas) allocation-free.
    /// </summary>
    protected virtual bool CanPassThrough(ReadOnlySpan<byte> data) =>
        !AnyHeld()
        && !OccursInString(data, _prefixStart)
        && data.IndexOf("\\u"u8) < 0
        && !HasJsonDelta(data);

    /// <summary>
    /// True when <paramref name="needle"/> occurs inside a JSON string of <paramref name="json"/>. Only strings can
    /// carry a placeholder: the <c>[</c> of <c>"choices":[</c> used to send every chat event through the parser. A
    /// needle that is a quote or a backslash, or text that is not JSON, is searched for anywhere (never less safe:
    /// more events are parsed, none is skipped).
    /// </summary>
    internal static bool OccursInString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> needle)
    {
        var first = needle[0];
        if (first is (byte)'"' or (byte)'\\')
        {
            return json.IndexOf(needle) >= 0;
        }

        var i = 0;
        while (i < json.Length)
        {
            var open = json[i..].IndexOf((byte)'"');
            if (open < 0)
            {
                return false;
            }

            i += open + 1;
            while (true)
            {
                var next = json[i..].IndexOfAny((byte)'"', (byte)'\\', first);
                if (next < 0)
                {
                    return json[i..].IndexOf(needle) >= 0; // an unterminated string: not JSON, so be safe
                }

                i += next;
                if (json[i] == first)
                {
                    if (json[i..].StartsWith(needle))
                    {
                        return true;
                    }

                    i++;
                }
                else if (json[i] == (byte)'\\')
                {
                    i += 2;
                    if (i >= json.Length)
                    {
                        return json.IndexOf(needle) >= 0; // ends inside an escape: not JSON, so be safe
                    }
                }
                else
                {
                    i++;
                    break;
                }
            }
        }

        return false;
    }

    /// <summary>True when some text stream holds back a tail.</summary>
    protected abstract bool AnyHeld();

    /// <summary>True when the data may carry a JSON-arguments delta (its string state must be tracked).</summary>
    protected abstract bool HasJsonDelta(ReadOnlySpan<byte> data);

    /// <summary>Adds the replacements of a tree-based slot restore (<see cref="ResponseSlots.Restore"/>).</summary>
    protected void AddReplacements(List<(JsonSyntaxNode Node, string Value)> replacements)
    {
        foreach (var (node, value) in replacements)
        {
            Replacements.Add((node.Start, node.End, value));
        }
    }

    /// <summary>
    /// Parses the current event's data as a <see cref="JsonSyntaxNode"/> tree, for the rare events whose full texts
    /// are restored with <see cref="ResponseSlots"/> (the data was already accepted by <see cref="Document"/>,
    /// which accepts exactly what the tree parser accepts).
    /// </summary>
    protected static JsonSyntaxNode TreeOf(ReadOnlySpan<byte> data) => JsonSyntaxTree.Parse(data);

    /// <summary>Returns the name for a synthetic event when the upstream names its events.</summary>
    protected string? EventName(string type) => UsesEventLines ? type : null;

    private void ProcessEvent(ReadOnlySpan<byte> raw, IBufferWriter<byte> output)
    {
        var dataCount = 0;
        ReadOnlySpan<byte> data = [];
        byte[]? joined = null;
        var rest = raw;
        var hasEventLine = false;
        var firstNl = raw.IndexOf((byte)'\n');
        NewLine = firstNl > 0 && raw[firstNl - 1] == (byte)'\r' ? CrLf : Lf;
        while (rest.Length > 0)
        {
            var nl = rest.IndexOf((byte)'\n');
            var line = nl < 0 ? rest : rest[..(nl + 1)];
            rest = nl < 0 ? [] : rest[(nl + 1)..];
            if (SseParser.IsEventLine(line))
            {
                hasEventLine = true;
            }
            else if (SseParser.IsDataLine(line))
            {
                var value = SseParser.FieldValue(line);
                if (dataCount == 0)
                {
                    data = value;
                }
                else
                {
                    joined = [.. data, (byte)'\n', .. value];
                    data = joined;
                }

                dataCount++;
            }
        }

        if (dataCount == 0)
        {
            output.Write(raw);
            return;
        }

        UsesEventLines = hasEventLine;
        if (data.SequenceEqual(Done))
        {
            FlushAll(output);
            output.Write(raw);
            return;
        }

        if (CanPassThrough(data))
        {
            output.Write(raw);
            return;
        }

        if (data.IndexOf((byte)'{') < 0 || !Document.TryParse(data) || !Document.Is(SseJsonDocument.Root, JsonKind.Object))
        {
            output.Write(raw);
            return;
        }

        Replacements.Clear();
        OnJsonEvent(new SseEvent(raw, data, Document, NewLine), output);
    }

    private void Append(ReadOnlySpan<byte> upstream)
    {
        if (_length + upstream.Length > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(4096, (_length + upstream.Length) * 2));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = bigger;
        }

        upstream.CopyTo(_buffer.AsSpan(_length));
        _length += upstream.Length;
    }
}
