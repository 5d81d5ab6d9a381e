using Microsoft.Extensions.Configuration;
using StealthRelay.Gateway.Telemetry;

namespace StealthRelay.IntegrationTests.Observability;

/// <summary>Export follows the standard OTEL_* variables and is off unless asked for.</summary>
public sealed class TelemetryExportSettingsTests
{
    [Theory]
    [InlineData(null, null, null, null, false, false)]
    [InlineData("http://collector:4317", null, null, null, true, true)]
    [InlineData("http://collector:4317", "none", null, null, false, true)]
    [InlineData("http://collector:4317", null, "none", null, true, false)]
    [InlineData(null, "otlp", null, null, true, false)]
    [InlineData(null, "console", "otlp", null, false, true)]
    [InlineData("http://collector:4317", null, null, "true", false, false)]
    public void From_OtelVariables_EnablesOnlyRequestedSignals(string? endpoint, string? traces, string? metrics, string? disabled, bool expectTraces, bool expectMetrics)
    {
        var settings = TelemetryExportSettings.From(Config(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_TRACES_EXPORTER"] = traces,
            ["OTEL_METRICS_EXPORTER"] = metrics,
            ["OTEL_SDK_DISABLED"] = disabled,
        }));

        Assert.Equal(expectTraces, settings.Traces);
        Assert.Equal(expectMetrics, settings.Metrics);
    }

    [Fact]
    public void From_PerSignalEndpoint_EnablesThatSignalOnly()
    {
        var settings = TelemetryExportSettings.From(Config(new() { ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = "http://collector:4318/v1/metrics" }));

        Assert.False(settings.Traces);
        Assert.True(settings.Metrics);
    }

    [Fact]
    public void From_LegacyRelayKey_ExportsBothOverGrpcUnlessOtelEndpointSet()
    {
        var legacy = TelemetryExportSettings.From(Config(new() { ["Relay:Telemetry:OtlpEndpoint"] = "http://collector:4317" }));
        var both = TelemetryExportSettings.From(Config(new()
        {
            ["Relay:Telemetry:OtlpEndpoint"] = "http://collector:4317",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://other:4317",
        }));

        Assert.True(legacy.Traces && legacy.Metrics);
        Assert.Equal(new Uri("http://collector:4317"), legacy.LegacyEndpoint);
        Assert.Null(both.LegacyEndpoint);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
