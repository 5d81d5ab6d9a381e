using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;

namespace StealthRelay.Gateway.Telemetry;

/// <summary>The circuit-state source used until a circuit breaker is plugged in: every configured upstream is closed.</summary>
internal sealed class AlwaysClosedCircuitStateSource(IOptions<RelayOptions> options) : ICircuitStateSource
{
    public IEnumerable<(string Upstream, CircuitState State)> GetStates() =>
        options.Value.Upstreams.Keys.Select(name => (name, CircuitState.Closed));
}
