using System.Buffers;
using System.Text;
using System.Text.Json;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Redaction.Tests.Protocols;

public sealed class JsonStringWriterTests
{
    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("line\nnext\r\ttab\b\f", "\"line\\nnext\\r\\ttab\\b\\f\"")]
    [InlineData("nul\u0000 esc\u001b", "\"nul\\u0000 esc\\u001b\"")]
    [InlineData("Müller 東京 😀", "\"Müller 東京 😀\"")]
    public void WriteQuoted_EscapesLikeTheRestorer(string value, string expected)
    {
        var output = new ArrayBufferWriter<byte>();

        JsonStringWriter.WriteQuoted(value, output);

        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void WriteQuoted_RandomStrings_SameBytesAsStringBuilderPathAndParsesBack()
    {
        var random = new Random(20261123);
        const string Alphabet = "ab \"\\\n\r\t\u0001\u001fé東😀";
        for (var round = 0; round < 500; round++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 40);
            while (builder.Length < length)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            var value = builder.ToString();
            var output = new ArrayBufferWriter<byte>();
            JsonStringWriter.WriteQuoted(value, output);

            var reference = new StringBuilder("\"");
            PlaceholderRestorer.AppendJsonEscaped(value, reference);
            reference.Append('"');
            Assert.Equal(Encoding.UTF8.GetBytes(reference.ToString()), output.WrittenSpan.ToArray());
            Assert.Equal(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)), JsonSerializer.Deserialize<string>(output.WrittenSpan));
        }
    }
}
