namespace StealthRelay.Gateway.Telemetry;

/// <summary>
/// Reports the circuit state of every configured upstream, for the <c>stealthrelay.gateway.circuit.state</c> gauge and
/// <c>/readyz</c>. The default (<see cref="AlwaysClosedCircuitStateSource"/>) reports every upstream closed; the
/// resilience layer registers its own implementation (last registration wins).
/// </summary>
internal interface ICircuitStateSource
{
    /// <summary>One pair per configured upstream: its name (from <c>Relay:Upstreams</c>) and its state now.</summary>
    IEnumerable<(string Upstream, CircuitState State)> GetStates();
}
