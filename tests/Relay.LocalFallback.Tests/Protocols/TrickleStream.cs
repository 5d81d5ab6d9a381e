namespace StealthRelay.LocalFallback.Tests.Protocols;

/// <summary>A readable stream that hands out at most <c>bytesPerRead</c> bytes per read, as a slow network would.</summary>
internal sealed class TrickleStream(byte[] content, int bytesPerRead) : MemoryStream(content, writable: false)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, bytesPerRead));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, bytesPerRead)]);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        base.ReadAsync(buffer, offset, Math.Min(count, bytesPerRead), cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, bytesPerRead)], cancellationToken);
}
