using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>A reusable writer for the small JSON documents of synthetic flush events.</summary>
internal sealed class SyntheticJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public SyntheticJson()
    {
        _writer = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>Starts a new document and returns the writer.</summary>
    public Utf8JsonWriter Begin()
    {
        _buffer.Clear();
        _writer.Reset(_buffer);
        return _writer;
    }

    /// <summary>Finishes the document and returns its bytes (valid until the next <see cref="Begin"/>).</summary>
    public ReadOnlySpan<byte> End()
    {
        _writer.Flush();
        return _buffer.WrittenSpan;
    }
}
