namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// Reads an upstream answer's body for YARP. A read that fails (connection reset, premature end of a
/// Content-Length or chunked body), exceeds its time (idle timeout for streams, what is left of the total timeout
/// otherwise) or delivers a malformed/truncated event stream records <see cref="UpstreamExchange.BodyFault"/> and
/// ends the body instead of throwing, so the gateway (not YARP's abort) decides what the client gets: a 502/504 for
/// held answers, an error event for streams. The client's own cancellation still throws.
/// </summary>
internal sealed class GuardedStream(
    Stream inner, UpstreamExchange? exchange, IBodyIntegrityMonitor? monitor, bool isEventStream, ResilienceSettings settings, TimeProvider time,
    long started)
    : Stream
{
    private bool _ended;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return 0;
        }

        // YARP waits for data with zero-byte reads: the wait (where a reset or a silent provider shows) is guarded too.
        var limit = isEventStream ? settings.StreamIdleTimeout : settings.TotalTimeout - time.GetElapsedTime(started);
        if (limit <= TimeSpan.Zero)
        {
            return Fault(UpstreamFailureKind.Timeout);
        }

        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Fault(UpstreamFailureKind.Timeout);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return Fault(UpstreamFailureKind.BadResponse);
        }

        if (buffer.IsEmpty || monitor is null)
        {
            return read; // a zero-byte read returns 0 when data is there: it is not the end
        }

        if (read == 0)
        {
            return monitor.CompletedCleanly ? 0 : Fault(UpstreamFailureKind.BadResponse);
        }

        return monitor.Observe(buffer.Span[..read]) ? read : Fault(UpstreamFailureKind.BadResponse);
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Fault(UpstreamFailureKind kind)
    {
        _ended = true;
        if (exchange is not null)
        {
            exchange.BodyFault ??= kind;
        }

        return 0;
    }
}
