namespace StealthRelay.Gateway.Telemetry;

/// <summary>State of an upstream's circuit breaker, as reported to metrics and readiness.</summary>
internal enum CircuitState
{
    /// <summary>Calls flow (gauge value 0).</summary>
    Closed = 0,

    /// <summary>Trial calls flow (gauge value 1).</summary>
    HalfOpen = 1,

    /// <summary>Calls are refused without trying the upstream (gauge value 2).</summary>
    Open = 2,
}
