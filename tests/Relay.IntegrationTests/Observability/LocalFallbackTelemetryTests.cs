using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;
using StealthRelay.Gateway.Telemetry;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.IntegrationTests.Observability;

/// <summary>The local model's span and queue gauge, through the public <see cref="ILocalChatService"/> (no in-process model, only an endpoint: 503).</summary>
[Collection(TelemetryCaptureSerial.Name)]
public sealed class LocalFallbackTelemetryTests
{
    [Fact]
    public async Task HandleAsync_NoModelConfigured_GenerateSpanWithStatusAndZeroQueueDepth()
    {
        var spans = new List<System.Diagnostics.Activity>();
        var services = new ServiceCollection().AddLogging().AddMetrics().AddLocalFallback(o => o.Endpoint = new Uri("http://127.0.0.1:9/v1"));
        await using var provider = services.BuildServiceProvider();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddRelayInstrumentation().AddInMemoryExporter(spans).Build();
        var local = provider.GetRequiredService<ILocalChatService>();
        using var queue = new MetricCollector<int>(provider.GetRequiredService<IMeterFactory>(), "StealthRelay.LocalFallback", "stealthrelay.local.queue.depth");
        using var body = new MemoryStream();

        var result = await local.HandleAsync(LocalApi.OpenAIChat, Encoding.UTF8.GetBytes("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
            body, _ => { }, CancellationToken.None);
        queue.RecordObservableInstruments();

        Assert.Equal(503, result.StatusCode);
        var span = Assert.Single(spans, s => s.Source.Name == "StealthRelay.LocalFallback");
        Assert.Equal("local.generate", span.OperationName);
        Assert.Equal(503, span.GetTagItem("http.response.status_code"));
        Assert.Equal(0, span.GetTagItem("stealthrelay.local.completion_tokens"));
        Assert.Equal(0, Assert.Single(queue.GetMeasurementSnapshot()).Value);
    }
}
