using System.Buffers;
using System.IO.Compression;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Gateway.Proxy;

/// <summary>
/// Stands in for the client response body while YARP copies the upstream answer. <see cref="Configure"/> picks the mode
/// from the upstream status and content type: event streams go through an <see cref="IStreamRestorer"/> and are
/// flushed write by write; JSON answers and error bodies are held (up to a limit) and restored whole in
/// <see cref="CompleteAsync"/>; everything else, and every answer of a request without a body, passes through.
/// </summary>
internal sealed class RestoringResponseStream(HttpResponse response, Stream inner, ResponseRestoration? restoration, long maxBufferedBytes)
    : Stream
{
    private readonly ArrayBufferWriter<byte> _output = new();
    private ArrayBufferWriter<byte>? _held;
    private IStreamRestorer? _streamRestorer;
    private string? _contentEncoding;
    private bool _isError;

    public ResponseMode Mode { get; private set; } = ResponseMode.PassThrough;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Chooses the mode for this answer. Returns it; anything but pass-through changes the body length.</summary>
    public ResponseMode Configure(int statusCode, string? mediaType, string? contentEncoding)
    {
        if (restoration is null)
        {
            return Mode = ResponseMode.PassThrough;
        }

        _isError = statusCode >= 400;
        if (string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            if (contentEncoding is not null)
            {
                throw new InvalidOperationException("The upstream compressed an event stream although identity encoding was requested.");
            }

            _streamRestorer = restoration.Restorer.CreateStreamRestorer(restoration.Shape, restoration.Vault);
            return Mode = ResponseMode.EventStream;
        }

        if (!_isError && !restoration.RestoreSuccess)
        {
            return Mode = ResponseMode.PassThrough;
        }

        _contentEncoding = contentEncoding;
        _held = new ArrayBufferWriter<byte>();
        return Mode = ResponseMode.Buffered;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        switch (Mode)
        {
            case ResponseMode.EventStream:
                _output.ResetWrittenCount();
                _streamRestorer!.Write(buffer.Span, _output);
                if (_output.WrittenCount > 0)
                {
                    await inner.WriteAsync(_output.WrittenMemory, cancellationToken);
                    await inner.FlushAsync(cancellationToken);
                }

                break;
            case ResponseMode.Buffered:
                if (_held!.WrittenCount + (long)buffer.Length > maxBufferedBytes)
                {
                    throw new IOException("The upstream answer exceeds Relay:Limits:MaxResponseBodyBytes.");
                }

                _held.Write(buffer.Span);
                break;
            default:
                await inner.WriteAsync(buffer, cancellationToken);
                break;
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        Mode == ResponseMode.Buffered ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The upstream answer ended: write what was held back.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        switch (Mode)
        {
            case ResponseMode.EventStream:
                _output.ResetWrittenCount();
                _streamRestorer!.Complete(_output);
                if (_output.WrittenCount > 0)
                {
                    await inner.WriteAsync(_output.WrittenMemory, cancellationToken);
                }

                await inner.FlushAsync(cancellationToken);
                break;
            case ResponseMode.Buffered:
                var body = _contentEncoding is null ? _held!.WrittenMemory : Decompress(_held!.WrittenMemory, _contentEncoding);
                var restored = _isError
                    ? ErrorBodyRestorer.Restore(body.Span, restoration!.Vault, restoration.PlaceholderFormat)
                    : restoration!.Restorer.RestoreJson(body.Span, restoration.Shape, restoration.Vault);
                if (!response.HasStarted)
                {
                    response.ContentLength = restored.Length;
                }

                await inner.WriteAsync(restored, cancellationToken);
                break;
            default:
                break;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _held?.Clear();
            _output.Clear();
        }

        base.Dispose(disposing);
    }

    private ReadOnlyMemory<byte> Decompress(ReadOnlyMemory<byte> compressed, string encoding)
    {
        using var source = new MemoryStream(compressed.ToArray());
        using Stream decoder = encoding.ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => new GZipStream(source, CompressionMode.Decompress),
            "br" => new BrotliStream(source, CompressionMode.Decompress),
            "deflate" => new ZLibStream(source, CompressionMode.Decompress),
            _ => throw new InvalidOperationException("The upstream used a content encoding the gateway cannot decode."),
        };
        using var plain = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = decoder.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (plain.Length + read > maxBufferedBytes)
            {
                throw new IOException("The decoded upstream answer exceeds Relay:Limits:MaxResponseBodyBytes.");
            }

            plain.Write(chunk, 0, read);
        }

        return plain.ToArray();
    }
}
