using Microsoft.Extensions.Logging;

namespace StealthRelay.Redaction.Tests.Ner;

/// <summary>A logger that keeps every entry (event id, level, structured state) for assertions.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(EventId Id, LogLevel Level, IReadOnlyList<KeyValuePair<string, object?>> State, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    /// <summary>The integer <paramref name="key"/> of every entry with <paramref name="eventId"/>, in logged order.</summary>
    public int[] Values(int eventId, string key)
    {
        lock (Entries)
        {
            return [.. Entries.Where(e => e.Id.Id == eventId).Select(e => (int)e.State.First(s => s.Key == key).Value!)];
        }
    }

    /// <summary>The integer <paramref name="key"/> of the one entry with <paramref name="eventId"/> (fails unless exactly one).</summary>
    public int SingleValue(int eventId, string key)
    {
        var entry = Xunit.Assert.Single(Entries, e => e.Id.Id == eventId);
        return (int)entry.State.First(s => s.Key == key).Value!;
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((eventId, logLevel, state as IReadOnlyList<KeyValuePair<string, object?>> ?? [], formatter(state, exception)));
        }
    }
}
