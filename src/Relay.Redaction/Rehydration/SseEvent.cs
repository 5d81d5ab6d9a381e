using System.Buffers;
using System.Text;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>One complete server-sent event whose data is a JSON object, with helpers to write it back.</summary>
internal readonly ref struct SseEvent
{
    private static ReadOnlySpan<byte> DataPrefix => "data: "u8;

    public SseEvent(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> data, SseJsonDocument document, ReadOnlySpan<byte> newLine)
    {
        Raw = raw;
        Data = data;
        Document = document;
        NewLine = newLine;
    }

    /// <summary>The event's bytes as received, blank line included.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    /// <summary>The JSON data.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The parsed data; its root (<see cref="SseJsonDocument.Root"/>) is an object.</summary>
    public SseJsonDocument Document { get; }

    /// <summary>The line ending the upstream uses (<c>\n</c> or <c>\r\n</c>).</summary>
    public ReadOnlySpan<byte> NewLine { get; }

    /// <summary>Writes the event with some data strings replaced; every other line is copied as received.</summary>
    public void Write(IBufferWriter<byte> output, List<(int Start, int End, string Value)> replacements)
    {
        if (replacements.Count == 0)
        {
            output.Write(Raw);
            return;
        }

        var dataWritten = false;
        var rest = Raw;
        while (rest.Length > 0)
        {
            var nl = rest.IndexOf((byte)'\n');
            var line = nl < 0 ? rest : rest[..(nl + 1)];
            rest = nl < 0 ? [] : rest[(nl + 1)..];
            if (SseParser.IsDataLine(line))
            {
                if (!dataWritten)
                {
                    WriteData(output, replacements);
                    dataWritten = true;
                }

                continue;
            }

            output.Write(line);
        }
    }

    private void WriteData(IBufferWriter<byte> output, List<(int Start, int End, string Value)> replacements)
    {
        if (Data.IndexOf((byte)'\n') < 0)
        {
            output.Write(DataPrefix);
            JsonSplicer.Write(Data, replacements, output);
            output.Write(NewLine);
            return;
        }

        // Data that spanned several data lines: keep one data line per line (a raw newline would end the field).
        var buffer = new ArrayBufferWriter<byte>(Data.Length + 256);
        JsonSplicer.Write(Data, replacements, buffer);
        var spliced = buffer.WrittenSpan;
        while (true)
        {
            var nl = spliced.IndexOf((byte)'\n');
            output.Write(DataPrefix);
            output.Write(nl < 0 ? spliced : spliced[..nl]);
            output.Write(NewLine);
            if (nl < 0)
            {
                return;
            }

            spliced = spliced[(nl + 1)..];
        }
    }

    /// <summary>Writes a new event: an optional <c>event:</c> line, one data line, a blank line.</summary>
    public static void WriteSynthetic(IBufferWriter<byte> output, string? eventName, ReadOnlySpan<byte> json, ReadOnlySpan<byte> newLine)
    {
        if (eventName is not null)
        {
            output.Write("event: "u8);
            var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(eventName.Length));
            output.Advance(Encoding.UTF8.GetBytes(eventName, span));
            output.Write(newLine);
        }

        output.Write(DataPrefix);
        output.Write(json);
        output.Write(newLine);
        output.Write(newLine);
    }
}
