using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StealthRelay.IntegrationTests.Observability;

/// <summary>
/// Records everything any logger writes at any level: category, formatted message, every structured value, the
/// exception's full text (type, message, stack, inner exceptions) and every value of every active scope.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"[{logLevel}] {category} ({eventId.Id} {eventId.Name}): {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(v => $"  value {v.Key}={v.Value}"));
            }

            if (exception is not null)
            {
                parts.Add("  exception " + exception);
            }

            owner._scopes.ForEachScope((scope, list) =>
            {
                list.Add("  scope " + scope);
                if (scope is IEnumerable<KeyValuePair<string, object?>> scopeValues)
                {
                    list.AddRange(scopeValues.Select(v => $"  scope value {v.Key}={v.Value}"));
                }
            }, parts);
            owner.Entries.Enqueue(string.Join('\n', parts));
        }
    }
}
