using OpenTelemetry.Exporter;

namespace StealthRelay.Gateway.Telemetry;

/// <summary>
/// Which signals are exported over OTLP, from the standard variables: <c>OTEL_SDK_DISABLED</c>,
/// <c>OTEL_TRACES_EXPORTER</c> / <c>OTEL_METRICS_EXPORTER</c> (<c>otlp</c> or <c>none</c>), and an endpoint
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, the per-signal <c>..._TRACES_ENDPOINT</c> / <c>..._METRICS_ENDPOINT</c>, or the
/// older <c>Relay:Telemetry:OtlpEndpoint</c>). A signal is exported when its exporter says <c>otlp</c>, or says nothing
/// and an endpoint is set. Nothing else (console, Zipkin...) is supported.
/// </summary>
internal sealed record TelemetryExportSettings(bool Traces, bool Metrics, Uri? LegacyEndpoint)
{
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    public static TelemetryExportSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (bool.TryParse(configuration["OTEL_SDK_DISABLED"], out var disabled) && disabled)
        {
            return new TelemetryExportSettings(false, false, null);
        }

        var legacy = configuration["Relay:Telemetry:OtlpEndpoint"];
        var legacyUri = !string.IsNullOrEmpty(legacy) && Uri.TryCreate(legacy, UriKind.Absolute, out var uri) ? uri : null;
        var otelEndpoint = !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var anyEndpoint = legacyUri is not null || otelEndpoint;
        return new TelemetryExportSettings(
            Enabled(configuration["OTEL_TRACES_EXPORTER"], anyEndpoint || !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"])),
            Enabled(configuration["OTEL_METRICS_EXPORTER"], anyEndpoint || !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"])),
            otelEndpoint ? null : legacyUri);
    }

    /// <summary>The older <c>Relay:Telemetry:OtlpEndpoint</c> (gRPC) applies only when no <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
    public void Apply(OtlpExporterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (LegacyEndpoint is not null)
        {
            options.Endpoint = LegacyEndpoint;
            options.Protocol = OtlpExportProtocol.Grpc;
        }
    }

    private static bool Enabled(string? exporters, bool endpointConfigured)
    {
        if (string.IsNullOrWhiteSpace(exporters))
        {
            return endpointConfigured;
        }

        var names = exporters.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return !names.Contains("none", StringComparer.OrdinalIgnoreCase) && names.Contains("otlp", StringComparer.OrdinalIgnoreCase);
    }
}
