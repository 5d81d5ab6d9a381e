using System.Buffers;

namespace StealthRelay.Redaction.Protocols;

/// <summary>Copies a JSON source with some string values replaced; every other byte stays as it was.</summary>
internal static class JsonSplicer
{
    /// <summary>
    /// Writes <paramref name="source"/> to <paramref name="output"/>, replacing each node's bytes with its new value
    /// encoded as a JSON string. <paramref name="replacements"/> must not overlap; they are sorted here.
    /// </summary>
    public static void Write(ReadOnlySpan<byte> source, List<(JsonSyntaxNode Node, string Value)> replacements, IBufferWriter<byte> output) =>
        Write(source, replacements.ConvertAll(static r => (r.Node.Start, r.Node.End, r.Value)), output);

    /// <summary>
    /// Writes <paramref name="source"/> to <paramref name="output"/>, replacing each byte range (a string value, quotes
    /// included) with its new value encoded as a JSON string. <paramref name="replacements"/> must not overlap; they are
    /// sorted here.
    /// </summary>
    public static void Write(ReadOnlySpan<byte> source, List<(int Start, int End, string Value)> replacements, IBufferWriter<byte> output)
    {
        replacements.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var at = 0;
        foreach (var (start, end, value) in replacements)
        {
            output.Write(source[at..start]);
            JsonStringWriter.WriteQuoted(value, output);
            at = end;
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
}
