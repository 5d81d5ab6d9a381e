using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Telemetry;
using TelemetryCircuitState = StealthRelay.Gateway.Telemetry.CircuitState;

namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// The real <see cref="ICircuitStateSource"/>: each <see cref="UpstreamChannel"/> registers its Polly circuit here, and
/// <c>/readyz</c> and the <c>stealthrelay.gateway.circuit.state</c> gauge read it. Every configured upstream is
/// reported; one whose channel is not built yet (or has no breaker) is closed. Polly moves an open circuit to
/// half-open only when the next call arrives, so once the break duration has passed this reports half-open: a pod
/// taken out of a Service for open circuits gets traffic again to try them.
/// </summary>
internal sealed class CircuitRegistry(IOptions<RelayOptions> options, TimeProvider time) : ICircuitStateSource
{
    private readonly Dictionary<string, Entry> _circuits = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>Registers <paramref name="upstream"/>'s circuit; returns the callback its breaker calls when it opens.</summary>
    public Action<TimeSpan> Register(string upstream, CircuitBreakerStateProvider state)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(state);
        var entry = new Entry(state);
        lock (_lock)
        {
            _circuits[upstream] = entry;
        }

        return breakDuration => entry.ReopensAt = time.GetUtcNow() + breakDuration;
    }

    public IEnumerable<(string Upstream, TelemetryCircuitState State)> GetStates()
    {
        var names = options.Value.Upstreams.Keys.ToList();
        lock (_lock)
        {
            return names.Select(name => (name, _circuits.TryGetValue(name, out var entry) ? StateOf(entry) : TelemetryCircuitState.Closed)).ToList();
        }
    }

    private TelemetryCircuitState StateOf(Entry entry) => entry.State.CircuitState switch
    {
        Polly.CircuitBreaker.CircuitState.Closed => TelemetryCircuitState.Closed,
        Polly.CircuitBreaker.CircuitState.HalfOpen => TelemetryCircuitState.HalfOpen,
        Polly.CircuitBreaker.CircuitState.Open when time.GetUtcNow() >= entry.ReopensAt => TelemetryCircuitState.HalfOpen,
        _ => TelemetryCircuitState.Open,
    };

    private sealed class Entry(CircuitBreakerStateProvider state)
    {
        public CircuitBreakerStateProvider State { get; } = state;

        public DateTimeOffset ReopensAt { get; set; } = DateTimeOffset.MaxValue;
    }
}
