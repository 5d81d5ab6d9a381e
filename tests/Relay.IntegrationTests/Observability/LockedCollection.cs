using System.Collections;

namespace StealthRelay.IntegrationTests.Observability;

/// <summary>
/// What OpenTelemetry's in-memory exporters write into: a span can end, and be exported, on another thread while a
/// test reads what was captured (a server span finishing after the client has its answer). Adds take a lock, and
/// enumerating reads a snapshot, so a test never enumerates a list that is being appended to.
/// </summary>
internal sealed class LockedCollection<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(T item)
    {
        lock (_items)
        {
            _items.Add(item);
        }
    }

    public void Clear()
    {
        lock (_items)
        {
            _items.Clear();
        }
    }

    public bool Contains(T item) => Snapshot().Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

    public bool Remove(T item)
    {
        lock (_items)
        {
            return _items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Snapshot()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T[] Snapshot()
    {
        lock (_items)
        {
            return [.. _items];
        }
    }
}
