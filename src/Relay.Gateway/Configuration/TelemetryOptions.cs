namespace StealthRelay.Gateway.Configuration;

/// <summary>Telemetry export, bound from <c>Relay:Telemetry</c>. Off unless an endpoint is configured.</summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// OTLP (gRPC) collector address, e.g. <c>http://otel-collector:4317</c>. When set, metrics of the
    /// <c>StealthRelay.*</c> meters and ASP.NET Core traces are exported there; when absent nothing is exported.
    /// </summary>
    public string? OtlpEndpoint { get; set; }
}
