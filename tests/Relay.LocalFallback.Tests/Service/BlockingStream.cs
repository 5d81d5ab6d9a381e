namespace StealthRelay.LocalFallback.Tests.Service;

/// <summary>A slow client: the first write signals <see cref="FirstWrite"/> and every write waits until <see cref="Release"/>.</summary>
internal sealed class BlockingStream : MemoryStream
{
    private readonly TaskCompletionSource _firstWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstWrite => _firstWrite.Task;

    public void Release() => _released.TrySetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _firstWrite.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
        await base.WriteAsync(buffer, cancellationToken);
    }
}
