using System.Buffers;

namespace StealthRelay.Gateway.Proxy;

/// <summary>A request body held in a pooled array; cleared (it holds raw PII) when returned to the pool.</summary>
internal sealed class PooledBody : IDisposable
{
    private byte[]? _buffer;

    public PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _buffer is null ? throw new ObjectDisposedException(nameof(PooledBody)) : _buffer.AsMemory(0, Length);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }
}
