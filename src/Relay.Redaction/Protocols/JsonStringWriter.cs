using System.Buffers;
using System.Text;

namespace StealthRelay.Redaction.Protocols;

/// <summary>
/// Writes a string as a quoted JSON string literal in UTF-8 straight into a buffer: quote, backslash and control
/// characters escaped, everything else (non-ASCII included) as plain UTF-8, the same escaping as
/// <see cref="Rehydration.PlaceholderRestorer.AppendJsonEscaped"/>. Runs between escapes are encoded in one call, so a
/// 1 KB value costs one or two encoder calls and no intermediate string.
/// </summary>
internal static class JsonStringWriter
{
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    public static void WriteQuoted(ReadOnlySpan<char> value, IBufferWriter<byte> output)
    {
        WriteAscii(output, "\"");
        while (!value.IsEmpty)
        {
            var next = value.IndexOfAny(NeedsEscape);
            var run = next < 0 ? value : value[..next];
            if (!run.IsEmpty)
            {
                // Escapes are ASCII, so a run never ends inside a surrogate pair; a lone surrogate becomes U+FFFD,
                // as Encoding.UTF8 does everywhere else in the pipeline.
                var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(run.Length));
                output.Advance(Encoding.UTF8.GetBytes(run, span));
            }

            if (next < 0)
            {
                break;
            }

            WriteAscii(output, Escape(value[next]));
            value = value[(next + 1)..];
        }

        WriteAscii(output, "\"");
    }

    private static string Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\b' => "\\b",
        '\f' => "\\f",
        _ => $"\\u{(int)c:x4}",
    };

    private static void WriteAscii(IBufferWriter<byte> output, string ascii)
    {
        var span = output.GetSpan(ascii.Length);
        for (var i = 0; i < ascii.Length; i++)
        {
            span[i] = (byte)ascii[i];
        }

        output.Advance(ascii.Length);
    }
}
