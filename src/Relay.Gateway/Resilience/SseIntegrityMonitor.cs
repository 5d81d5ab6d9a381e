using System.Buffers;
using System.Text.Json;

namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// Watches the raw bytes of an upstream event stream (without changing them) to tell a complete stream from a broken
/// one: every event's data must be <c>[DONE]</c> or well-formed JSON, and the stream must end after a terminal event
/// (OpenAI chat <c>[DONE]</c>; Responses <c>response.completed</c>/<c>failed</c>/<c>incomplete</c>; Anthropic
/// <c>message_stop</c>; an <c>error</c> event) with no partial event left. Holds only the current line.
/// </summary>
internal sealed class SseIntegrityMonitor : IBodyIntegrityMonitor
{
    private const int MaxLineBytes = 16 * 1024 * 1024;
    private readonly ArrayBufferWriter<byte> _line = new();
    private readonly ArrayBufferWriter<byte> _data = new();
    private bool _hasData;
    private bool _terminalSeen;

    /// <summary>True when the stream so far ended on an event boundary after a terminal event.</summary>
    public bool CompletedCleanly => _terminalSeen && !_hasData && IsBlank(_line.WrittenSpan);

    /// <summary>Feeds upstream bytes; false when an event is malformed.</summary>
    public bool Observe(ReadOnlySpan<byte> chunk)
    {
        while (!chunk.IsEmpty)
        {
            var nl = chunk.IndexOf((byte)'\n');
            if (nl < 0)
            {
                if (_line.WrittenCount + chunk.Length > MaxLineBytes)
                {
                    return false;
                }

                _line.Write(chunk);
                return true;
            }

            _line.Write(chunk[..nl]);
            chunk = chunk[(nl + 1)..];
            if (!OnLine(TrimCr(_line.WrittenSpan)))
            {
                return false;
            }

            _line.ResetWrittenCount();
        }

        return true;
    }

    private bool OnLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return DispatchEvent();
        }

        if (line.StartsWith("data:"u8))
        {
            var value = line[5..];
            if (!value.IsEmpty && value[0] == (byte)' ')
            {
                value = value[1..];
            }

            if (_hasData)
            {
                _data.Write("\n"u8);
            }

            _data.Write(value);
            _hasData = true;
        }
        else if (line.StartsWith("event:"u8) && line[6..].Trim((byte)' ').SequenceEqual("error"u8))
        {
            _terminalSeen = true;
        }

        return true;
    }

    private bool DispatchEvent()
    {
        if (!_hasData)
        {
            return true;
        }

        var data = _data.WrittenSpan;
        var ok = data.SequenceEqual("[DONE]"u8) ? MarkTerminal() : IsWellFormedJson(data);
        _data.ResetWrittenCount();
        _hasData = false;
        return ok;
    }

    private bool MarkTerminal()
    {
        _terminalSeen = true;
        return true;
    }

    private bool IsWellFormedJson(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("error"u8))
                    {
                        _terminalSeen = true;
                    }
                    else if (reader.ValueTextEquals("type"u8) && reader.Read() && reader.TokenType == JsonTokenType.String
                        && (reader.ValueTextEquals("message_stop"u8) || reader.ValueTextEquals("response.completed"u8)
                            || reader.ValueTextEquals("response.failed"u8) || reader.ValueTextEquals("response.incomplete"u8)
                            || reader.ValueTextEquals("error"u8)))
                    {
                        _terminalSeen = true;
                    }
                }
            }

            return reader.BytesConsumed == data.Length || IsBlank(data[(int)reader.BytesConsumed..]);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        !line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line;

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.Trim(" \t\r\n"u8).IsEmpty;
}
