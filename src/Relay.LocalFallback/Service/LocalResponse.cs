namespace StealthRelay.LocalFallback.Service;

/// <summary>The caller's response: the head callback may run once, before the first body byte.</summary>
internal sealed class LocalResponse(Stream body, Action<LocalResponseHead> onStarting)
{
    private int _started;

    public Stream Body => body;

    public void Start(LocalResponseHead head)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            onStarting(head);
        }
    }
}
