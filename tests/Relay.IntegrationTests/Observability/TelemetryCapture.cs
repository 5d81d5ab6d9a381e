using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using StealthRelay.Gateway.Telemetry;

namespace StealthRelay.IntegrationTests.Observability;

/// <summary>
/// Captures every signal the gateway emits: all logs (through <see cref="CapturingLoggerProvider"/>, the only provider)
/// and, through OpenTelemetry's in-memory exporters, every span and metric of the same instrumentation production
/// exports (<c>AddRelayInstrumentation</c>). <see cref="Leaks"/> lists each place a canary appears.
/// </summary>
internal sealed class TelemetryCapture
{
    /// <summary>Every category at the most verbose level the configuration allows.</summary>
    public static readonly IReadOnlyDictionary<string, string?> VerboseLogging = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        ["Logging:LogLevel:System"] = "Trace",
        ["Logging:LogLevel:Yarp"] = "Trace",
        ["Logging:LogLevel:StealthRelay"] = "Trace",
    };

    public CapturingLoggerProvider Logs { get; } = new();

    public LockedCollection<Activity> Spans { get; } = new();

    public LockedCollection<MetricSnapshot> Metrics { get; } = new();

    public void Install(IServiceCollection services)
    {
        services.RemoveAll<ILoggerProvider>();
        services.AddSingleton<ILoggerProvider>(Logs);
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddRelayInstrumentation().AddInMemoryExporter(Spans))
            .WithMetrics(metrics => metrics.AddRelayInstrumentation().AddInMemoryExporter(Metrics));
    }

    /// <summary>Exports whatever is pending (spans end synchronously; metrics are collected now).</summary>
    public void Flush(IServiceProvider services)
    {
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    /// <summary>Every text the capture holds, with where it came from.</summary>
    public IEnumerable<(string Where, string Text)> Texts()
    {
        foreach (var entry in Logs.Entries)
        {
            yield return ("log", entry);
        }

        foreach (var span in Spans)
        {
            var name = $"span {span.Source.Name}/{span.OperationName}";
            yield return (name + " name", span.DisplayName + " " + span.OperationName);
            yield return (name + " status", span.StatusDescription ?? "");
            foreach (var tag in span.TagObjects)
            {
                yield return (name + " tag " + tag.Key, tag.Key + "=" + tag.Value);
            }

            foreach (var item in span.Baggage)
            {
                yield return (name + " baggage", item.Key + "=" + item.Value);
            }

            foreach (var e in span.Events)
            {
                yield return (name + " event", e.Name + " " + string.Join(' ', e.Tags.Select(t => t.Key + "=" + t.Value)));
            }

            foreach (var link in span.Links)
            {
                yield return (name + " link", string.Join(' ', (link.Tags ?? []).Select(t => t.Key + "=" + t.Value)));
            }
        }

        foreach (var metric in Metrics)
        {
            var name = $"metric {metric.MeterName}/{metric.Name}";
            yield return (name, metric.Name + " " + metric.Unit + " " + metric.Description);
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in point.Tags)
                {
                    yield return (name + " tag " + tag.Key, tag.Key + "=" + tag.Value);
                }

                yield return (name + " value", Value(metric.MetricType, point));
            }
        }
    }

    /// <summary>"where: canary" for every canary found anywhere.</summary>
    public List<string> Leaks() =>
        Texts().SelectMany(t => Canaries.FoundIn(t.Text).Select(c => $"{t.Where}: {c}")).Distinct().ToList();

    private static string Value(MetricType type, MetricPoint point) => type switch
    {
        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong().ToString(System.Globalization.CultureInfo.InvariantCulture),
        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
        MetricType.LongGauge => point.GetGaugeLastValueLong().ToString(System.Globalization.CultureInfo.InvariantCulture),
        MetricType.DoubleGauge => point.GetGaugeLastValueDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
        MetricType.Histogram => point.GetHistogramSum().ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };
}
