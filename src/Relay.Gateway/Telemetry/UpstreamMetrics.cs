using System.Diagnostics.Metrics;
using StealthRelay.Gateway.Resilience;

namespace StealthRelay.Gateway.Telemetry;

/// <summary>
/// Upstream instruments on the <c>StealthRelay.Gateway</c> meter: <c>stealthrelay.gateway.upstream.errors</c> (by
/// upstream and kind) and the observable gauge <c>stealthrelay.gateway.circuit.state</c> (per upstream, from
/// <see cref="ICircuitStateSource"/>), and <c>stealthrelay.gateway.upstream.fallbacks</c> (by upstream, fallback and
/// outcome). Tags are configured upstream names and closed kind names only.
/// </summary>
internal sealed class UpstreamMetrics
{
    private readonly Counter<long> _errors;
    private readonly Counter<long> _fallbacks;

    public UpstreamMetrics(IMeterFactory meterFactory, ICircuitStateSource circuits)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(circuits);
        var meter = meterFactory.Create(GatewayDiagnostics.Name);
        _errors = meter.CreateCounter<long>("stealthrelay.gateway.upstream.errors", "{error}",
            "Failed upstream attempts, by upstream and kind (unreachable, timeout, circuit_open, bad_response, status_429, status_5xx).");
        _fallbacks = meter.CreateCounter<long>("stealthrelay.gateway.upstream.fallbacks", "{request}",
            "Requests whose primary upstream failed and that had a fallback upstream, by outcome (taken, refused_client: the client key may not use it, refused_policy: it redacts under another policy).");
        meter.CreateObservableGauge("stealthrelay.gateway.circuit.state", () => circuits.GetStates().Select(s => new Measurement<int>(
                (int)s.State,
                new KeyValuePair<string, object?>("stealthrelay.upstream", s.Upstream),
                new KeyValuePair<string, object?>("stealthrelay.circuit.state", StateName(s.State)))),
            "{state}", "Circuit state per upstream: 0 closed, 1 half-open, 2 open.");
    }

    /// <summary>Counts one failed call; <paramref name="kind"/> must be a closed name (enum or type name), never a message.</summary>
    public void UpstreamError(string upstream, string kind) =>
        _errors.Add(1, new KeyValuePair<string, object?>("stealthrelay.upstream", upstream), new KeyValuePair<string, object?>("error.type", kind));

    /// <summary>Counts one fallback decision; <paramref name="outcome"/> is <c>taken</c>, <c>refused_client</c> or <c>refused_policy</c>.</summary>
    public void Fallback(string upstream, string fallback, string outcome) =>
        _fallbacks.Add(1, new KeyValuePair<string, object?>("stealthrelay.upstream", upstream),
            new KeyValuePair<string, object?>("stealthrelay.fallback", fallback), new KeyValuePair<string, object?>("stealthrelay.outcome", outcome));

    /// <summary>Counts an upstream answer that signals a provider-side failure (429 or 5xx); other statuses are ignored.</summary>
    public void UpstreamAnswered(string upstream, int status)
    {
        if (status == 429 || status >= 500)
        {
            UpstreamError(upstream, status == 429 ? "status_429" : "status_5xx");
        }
    }

    /// <summary>The <c>error.type</c> tag of a failure kind.</summary>
    public static string KindName(UpstreamFailureKind kind) => kind switch
    {
        UpstreamFailureKind.Unreachable => "unreachable",
        UpstreamFailureKind.Timeout => "timeout",
        UpstreamFailureKind.CircuitOpen => "circuit_open",
        UpstreamFailureKind.ServerError => "status_5xx",
        _ => "bad_response",
    };

    private static string StateName(CircuitState state) => state switch
    {
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half_open",
        _ => "closed",
    };
}
