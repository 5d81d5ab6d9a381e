using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StealthRelay.Gateway.Telemetry;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.Observability;

/// <summary>The spans and instruments carry the route, shape, counts and states they document.</summary>
[Collection(TelemetryCaptureSerial.Name)]
public sealed class TelemetrySignalsTests : IAsyncLifetime
{
    private FakeProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task Spans_RedactedChat_RequestAndRedactionSpansCarryRouteShapeAndCounts()
    {
        var capture = new TelemetryCapture();
        await using var gateway = await GatewayHost.StartAsync(_provider, services: capture.Install);
        var meterFactory = gateway.Services.GetRequiredService<IMeterFactory>();
        using var entities = new MetricCollector<long>(meterFactory, "StealthRelay.Redaction", "stealthrelay.redaction.entities");
        using var duration = new MetricCollector<double>(meterFactory, "StealthRelay.Redaction", "stealthrelay.redaction.duration");

        using var response = await PostChatAsync(gateway, "m", "Mail " + Canaries.Email + " and " + Canaries.Email + ", call " + Canaries.Phone);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        capture.Flush(gateway.Services);

        var request = Assert.Single(capture.Spans, s => s.Source.Name == GatewayDiagnostics.Name);
        Assert.Equal("relay.request", request.OperationName);
        Assert.Equal("/v1/chat/completions", request.GetTagItem("http.route"));
        Assert.Equal("openai", request.GetTagItem("stealthrelay.upstream"));
        Assert.Equal("OpenAIChatCompletions", request.GetTagItem("stealthrelay.api.shape"));
        Assert.Equal(200, request.GetTagItem("http.response.status_code"));
        var redaction = Assert.Single(capture.Spans, s => s.Source.Name == "StealthRelay.Redaction");
        Assert.Equal(request.TraceId, redaction.TraceId);
        Assert.Equal(2, redaction.GetTagItem("stealthrelay.entities.EMAIL_ADDRESS")); // occurrences replaced
        Assert.Equal(1, redaction.GetTagItem("stealthrelay.entities.PHONE_NUMBER"));
        Assert.Equal("EMAIL_ADDRESS=2,PHONE_NUMBER=1", redaction.GetTagItem("stealthrelay.entities"));
        Assert.IsType<double>(redaction.GetTagItem("stealthrelay.detection.duration_ms"));
        Assert.Contains(entities.GetMeasurementSnapshot(), m => m.Value == 1 && (string?)m.Tags["entity.type"] == "PHONE_NUMBER");
        var measured = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal("ok", measured.Tags["outcome"]);
    }

    [Fact]
    public async Task Metrics_UpstreamUnreachable_CountsErrorByUpstreamAndKindWithoutContent()
    {
        var capture = new TelemetryCapture();
        await using var gateway = await GatewayHost.StartAsync(null, new Dictionary<string, string?>(TelemetryCapture.VerboseLogging)
        {
            ["Relay:Upstreams:openai:BaseUrl"] = "http://127.0.0.1:1",
            ["Relay:Resilience:MaxRetries"] = "0", // one attempt, one count (each failed attempt counts)
        }, capture.Install);
        using var errors = new MetricCollector<long>(gateway.Services.GetRequiredService<IMeterFactory>(), GatewayDiagnostics.Name, "stealthrelay.gateway.upstream.errors");

        using var response = await PostChatAsync(gateway, "m", "Mail " + Canaries.Email + " " + Canaries.UpstreamEcho);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = Assert.Single(errors.GetMeasurementSnapshot());
        Assert.Equal("openai", error.Tags["stealthrelay.upstream"]);
        Assert.Equal("unreachable", error.Tags["error.type"]);
        capture.Flush(gateway.Services);
        var leaks = capture.Leaks();
        Assert.True(leaks.Count == 0, "Canaries found in telemetry:\n" + string.Join('\n', leaks));
    }

    [Fact]
    public async Task Metrics_UpstreamAnswers400_NotCountedAsUpstreamError()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);
        using var errors = new MetricCollector<long>(gateway.Services.GetRequiredService<IMeterFactory>(), GatewayDiagnostics.Name, "stealthrelay.gateway.upstream.errors");

        using var response = await PostChatAsync(gateway, "provider-error", "hello");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(errors.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Metrics_CircuitGauge_OneClosedMeasurementPerConfiguredUpstream()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);
        using var circuits = new MetricCollector<int>(gateway.Services.GetRequiredService<IMeterFactory>(), GatewayDiagnostics.Name, "stealthrelay.gateway.circuit.state");
        using var response = await gateway.Client.GetAsync("/healthz"); // the instruments exist once the pipeline was built

        circuits.RecordObservableInstruments();

        var measurements = circuits.GetMeasurementSnapshot();
        Assert.Equal(["anthropic", "openai"], measurements.Select(m => (string)m.Tags["stealthrelay.upstream"]!).Order(StringComparer.Ordinal));
        Assert.All(measurements, m => Assert.Equal(0, m.Value));
        Assert.All(measurements, m => Assert.Equal("closed", m.Tags["stealthrelay.circuit.state"]));
    }

    private static Task<HttpResponseMessage> PostChatAsync(GatewayHost gateway, string model, string text) =>
        gateway.Client.PostAsync("/v1/chat/completions", new StringContent(
            JsonSerializer.Serialize(new { model, messages = new[] { new { role = "user", content = text } } }), Encoding.UTF8, "application/json"));
}
