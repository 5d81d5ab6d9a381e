using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Logging;

namespace StealthRelay.Gateway.Telemetry;

/// <summary>
/// Wires the gateway's telemetry: instruments, circuit-state source, readiness checks, logging caps, and OTLP export of
/// traces and metrics when (and only when) the standard <c>OTEL_*</c> variables or <c>Relay:Telemetry:OtlpEndpoint</c> ask for it.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>Activity sources and meters of the StealthRelay projects.</summary>
    public static readonly string[] SourceNames = [GatewayDiagnostics.Name, "StealthRelay.Redaction", "StealthRelay.LocalFallback"];

    public static IServiceCollection AddRelayTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<ICircuitStateSource, AlwaysClosedCircuitStateSource>();
        services.AddSingleton<UpstreamMetrics>();
        services.AddSingleton<ReadinessHandler>();
        services.AddHealthChecks()
            .AddCheck<NerModelReadinessCheck>(NerModelReadinessCheck.Name, tags: [ReadinessHandler.Tag])
            .AddCheck<UpstreamReadinessCheck>(UpstreamReadinessCheck.Name, tags: [ReadinessHandler.Tag]);
        LoggingCaps.Apply(services);

        var export = TelemetryExportSettings.From(configuration);
        if (!export.Traces && !export.Metrics)
        {
            return services;
        }

        var otel = services.AddOpenTelemetry();
        if (string.IsNullOrEmpty(configuration[TelemetryExportSettings.ServiceNameVariable]))
        {
            otel.ConfigureResource(resource => resource.AddService("stealthrelay-gateway"));
        }

        if (export.Traces)
        {
            otel.WithTracing(tracing => tracing.AddRelayInstrumentation().AddOtlpExporter(o => export.Apply(o)));
        }

        if (export.Metrics)
        {
            otel.WithMetrics(metrics => metrics.AddRelayInstrumentation().AddOtlpExporter(o => export.Apply(o)));
        }

        return services;
    }

    /// <summary>The StealthRelay sources plus ASP.NET Core and HttpClient spans, scrubbed of URLs, query strings and exception messages.</summary>
    public static TracerProviderBuilder AddRelayInstrumentation(this TracerProviderBuilder tracing)
    {
        ArgumentNullException.ThrowIfNull(tracing);
        return tracing
            .AddSource(SourceNames)
            .AddAspNetCoreInstrumentation(o =>
            {
                o.RecordException = false;
                o.EnrichWithHttpRequest = TelemetryScrubber.ScrubServerSpan;
                o.EnrichWithException = TelemetryScrubber.ScrubException;
            })
            .AddHttpClientInstrumentation(o =>
            {
                o.RecordException = false;
                o.EnrichWithHttpRequestMessage = TelemetryScrubber.ScrubClientSpan;
                o.EnrichWithException = TelemetryScrubber.ScrubException;
            });
    }

    /// <summary>The StealthRelay meters plus ASP.NET Core, Kestrel and HttpClient metrics (which carry no URL or content).</summary>
    public static MeterProviderBuilder AddRelayInstrumentation(this MeterProviderBuilder metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics
            .AddMeter(SourceNames)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation();
    }
}
