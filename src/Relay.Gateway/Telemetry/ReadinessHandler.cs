using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StealthRelay.Gateway.Telemetry;

/// <summary>
/// <c>GET /readyz</c>: runs the readiness checks (tag <c>ready</c>) and answers 200 <c>{"status":"ready",...}</c> or
/// 503 <c>{"status":"not_ready","failed":["upstreams"],...}</c>. Check names and statuses only, no descriptions.
/// </summary>
internal sealed class ReadinessHandler(HealthCheckService health)
{
    public const string Path = "/readyz";
    public const string Tag = "ready";

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(Tag), context.RequestAborted);
        var ready = report.Status != HealthStatus.Unhealthy;
        context.Response.StatusCode = ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("status", ready ? "ready" : "not_ready");
        writer.WriteStartArray("failed");
        foreach (var (name, _) in report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteString(name, entry.Status == HealthStatus.Unhealthy ? "fail" : "pass");
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
