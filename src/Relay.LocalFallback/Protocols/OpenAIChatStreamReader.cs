using System.Buffers;
using System.IO.Pipelines;

namespace StealthRelay.LocalFallback.Protocols;

/// <summary>
/// Reads an OpenAI chat-completions event stream as it arrives: one <c>chat.completion.chunk</c> per
/// <see cref="ReadAsync"/>, however the bytes are split across reads. Events are <c>data:</c> lines up to a blank
/// line (several data lines are joined with a newline; comments, other fields and <c>\r\n</c> line ends are
/// accepted), <c>data: [DONE]</c> ends the stream. Holds one event at a time, at most <c>maxEventBytes</c>.
/// Disposing returns its buffers; the body stream stays open.
/// </summary>
internal sealed class OpenAIChatStreamReader(Stream body, long maxEventBytes) : IDisposable
{
    private readonly PipeReader _pipe = PipeReader.Create(body, new StreamPipeReaderOptions(leaveOpen: true));
    private readonly ArrayBufferWriter<byte> _data = new(1024);
    private bool _hasData;
    private bool _taken;
    private bool _ended;

    /// <summary>True once <c>data: [DONE]</c> was read.</summary>
    public bool Done { get; private set; }

    /// <summary>
    /// The next chunk, or null at <c>[DONE]</c> (<see cref="Done"/> set) or at the end of the body without it.
    /// Throws <see cref="InvalidDataException"/> for an event that is not a chunk or is too large.
    /// </summary>
    public async ValueTask<OpenAIChatAnswer?> ReadAsync(CancellationToken cancellationToken)
    {
        while (!Done && !_ended)
        {
            var read = await _pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            var data = NextEventData(ref buffer, read.IsCompleted);
            if (data is null)
            {
                _pipe.AdvanceTo(buffer.Start, buffer.End);
                _ended = read.IsCompleted;
                continue;
            }

            _pipe.AdvanceTo(buffer.Start);
            if (data.Value.Span.SequenceEqual("[DONE]"u8))
            {
                Done = true;
                return null;
            }

            return OpenAIChatAnswerReader.ReadChunk(data.Value);
        }

        return null;
    }

    public void Dispose() => _pipe.Complete();

    /// <summary>Consumes whole lines from <paramref name="buffer"/> until an event is complete; its data, or null.</summary>
    private ReadOnlyMemory<byte>? NextEventData(ref ReadOnlySequence<byte> buffer, bool isLast)
    {
        if (_taken)
        {
            _data.ResetWrittenCount();
            _taken = false;
        }

        while (true)
        {
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is null)
            {
                if (buffer.Length > maxEventBytes)
                {
                    throw new InvalidDataException("An event of the local endpoint's stream is too large.");
                }

                if (!isLast)
                {
                    return null;
                }

                // The body ended: a last line without its line end still counts, and so does an event without its blank line.
                if (!buffer.IsEmpty)
                {
                    OnLine(buffer.IsSingleSegment ? buffer.FirstSpan : buffer.ToArray());
                    buffer = buffer.Slice(buffer.End);
                }

                if (!_hasData)
                {
                    return null; // (a conditional with null would convert it to an empty memory, through byte[])
                }

                return TakeData();
            }

            var line = buffer.Slice(0, newline.Value);
            buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
            if (OnLine(line.IsSingleSegment ? line.FirstSpan : line.ToArray()))
            {
                return TakeData();
            }
        }
    }

    /// <summary>Takes one line (without its <c>\n</c>); true when it ends an event that has data.</summary>
    private bool OnLine(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.IsEmpty)
        {
            return _hasData;
        }

        if (!line.StartsWith("data"u8) || (line.Length > 4 && line[4] != (byte)':'))
        {
            return false; // a comment (':'), event:, id:, retry: or an unknown field
        }

        var value = line.Length > 4 ? line[5..] : [];
        if (!value.IsEmpty && value[0] == (byte)' ')
        {
            value = value[1..];
        }

        if (_data.WrittenCount + value.Length + 1 > maxEventBytes)
        {
            throw new InvalidDataException("An event of the local endpoint's stream is too large.");
        }

        if (_hasData)
        {
            _data.Write("\n"u8);
        }

        _data.Write(value);
        _hasData = true;
        return false;
    }

    /// <summary>The event's data, valid until the next read (the buffer is reused for the next event).</summary>
    private ReadOnlyMemory<byte> TakeData()
    {
        _hasData = false;
        _taken = true;
        return _data.WrittenMemory;
    }
}
