using System.Buffers;
using System.Text;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Redaction.Protocols;

/// <summary>Copies a JSON source with some string values replaced; every other byte stays as it was.</summary>
internal static class JsonSplicer
{
    /// <summary>
    /// Writes <paramref name="source"/> to <paramref name="output"/>, replacing each node's bytes with its new value
    /// encoded as a JSON string. <paramref name="replacements"/> must not overlap; they are sorted here.
    /// </summary>
    public static void Write(ReadOnlySpan<byte> source, List<(JsonSyntaxNode Node, string Value)> replacements, IBufferWriter<byte> output)
    {
        replacements.Sort(static (a, b) => a.Node.Start.CompareTo(b.Node.Start));
        var at = 0;
        var sb = new StringBuilder();
        foreach (var (node, value) in replacements)
        {
            output.Write(source[at..node.Start]);
            sb.Clear();
            sb.Append('"');
            PlaceholderRestorer.AppendJsonEscaped(value, sb);
            sb.Append('"');
            WriteUtf8(sb, output);
            at = node.End;
        }

        output.Write(source[at..]);
    }

    public static byte[] Splice(ReadOnlySpan<byte> source, List<(JsonSyntaxNode Node, string Value)> replacements)
    {
        if (replacements.Count == 0)
        {
            return source.ToArray();
        }

        var buffer = new ArrayBufferWriter<byte>(source.Length + 256);
        Write(source, replacements, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteUtf8(StringBuilder sb, IBufferWriter<byte> output)
    {
        var text = sb.ToString();
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
