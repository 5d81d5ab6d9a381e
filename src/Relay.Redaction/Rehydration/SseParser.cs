namespace StealthRelay.Redaction.Rehydration;

/// <summary>Line-level helpers for server-sent events.</summary>
internal static class SseParser
{
    /// <summary>True for a <c>data</c> field line (with or without its line ending).</summary>
    public static bool IsDataLine(ReadOnlySpan<byte> line) =>
        line.StartsWith("data:"u8) || TrimEnd(line).SequenceEqual("data"u8);

    /// <summary>True for an <c>event</c> field line.</summary>
    public static bool IsEventLine(ReadOnlySpan<byte> line) => line.StartsWith("event:"u8);

    /// <summary>The value of a field line: after the colon, one leading space dropped, line ending dropped.</summary>
    public static ReadOnlySpan<byte> FieldValue(ReadOnlySpan<byte> line)
    {
        line = TrimEnd(line);
        var colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            return [];
        }

        var value = line[(colon + 1)..];
        return value.Length > 0 && value[0] == (byte)' ' ? value[1..] : value;
    }

    /// <summary>Drops a trailing <c>\n</c> or <c>\r\n</c>.</summary>
    public static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == (byte)'\n')
        {
            line = line[..^1];
        }

        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        return line;
    }
}
