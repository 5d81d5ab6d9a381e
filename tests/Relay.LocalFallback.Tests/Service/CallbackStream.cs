namespace StealthRelay.LocalFallback.Tests.Service;

/// <summary>A write-only sink that runs an action when the n-th write arrives (a client that goes away mid-stream).</summary>
internal sealed class CallbackStream(Func<int, bool> when, Action action) : MemoryStream
{
    private int _writes;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (when(++_writes))
        {
            action();
        }

        cancellationToken.ThrowIfCancellationRequested();
        await base.WriteAsync(buffer, cancellationToken);
    }
}
