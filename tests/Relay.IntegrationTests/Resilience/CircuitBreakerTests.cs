using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StealthRelay.Gateway.Telemetry;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.Resilience;

/// <summary>
/// The per-upstream circuit breaker: opens after the configured failures, then answers 503 without calling the
/// provider, reports itself to <c>/readyz</c> and the circuit gauge, and lets a trial call through after the break.
/// </summary>
public sealed class CircuitBreakerTests : IAsyncLifetime
{
    private FaultyProvider _provider = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _provider = await FaultyProvider.StartAsync();
        _provider.Default = FaultyProvider.Status(500);
        _gateway = await ResilienceFixture.StartGatewayAsync(_provider, new Dictionary<string, string?>
        {
            ["Relay:Resilience:MaxRetries"] = "0", // one attempt per request: the failure count is the request count
            ["Relay:Resilience:MinimumThroughput"] = "2",
            ["Relay:Resilience:FailureRatio"] = "0.5",
            ["Relay:Resilience:SamplingDuration"] = "00:01:00",
            ["Relay:Resilience:BreakDuration"] = "00:00:01",
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/v1/messages")]
    public async Task Send_FailuresReachThreshold_OpenCircuitAnswers503WithoutCallingProvider(string path)
    {
        await FailTwiceAsync(path);

        using var request = ResilienceFixture.Chat(path, stream: false);
        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        UpstreamFailureTests.AssertErrorShape(path, await response.Content.ReadAsStringAsync(), "overloaded_error", "upstream_unavailable");
        Assert.Equal(2, _provider.Calls.Count); // the open circuit kept the third request away from the provider
        Assert.Equal(CircuitState.Open, StateOf(UpstreamOf(path)));
    }

    [Fact]
    public async Task Send_AfterBreakDuration_TrialCallClosesCircuit()
    {
        await FailTwiceAsync("/v1/chat/completions");
        Assert.Equal(CircuitState.Open, StateOf("openai"));
        _provider.Default = FaultyProvider.Echo;

        // Bounded wait: the break is 1 s; the registry reports half-open once it has passed.
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (StateOf("openai") == CircuitState.Open)
            {
                await Task.Delay(100, deadline.Token);
            }
        }

        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);
        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _provider.Calls.Count);
        Assert.Equal(CircuitState.Closed, StateOf("openai"));
    }

    [Fact]
    public async Task Readyz_EveryUpstreamCircuitOpen_503AndGaugeReportsOpen()
    {
        using var gauge = new MetricCollector<int>(_gateway.Services.GetRequiredService<IMeterFactory>(), GatewayDiagnostics.Name, "stealthrelay.gateway.circuit.state");
        using var ready = await _gateway.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        await FailTwiceAsync("/v1/chat/completions");
        await FailTwiceAsync("/v1/messages");
        using var response = await _gateway.Client.GetAsync("/readyz");
        gauge.RecordObservableInstruments();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["upstreams"], body.RootElement.GetProperty("failed").EnumerateArray().Select(e => e.GetString()));
        var measurements = gauge.GetMeasurementSnapshot();
        Assert.Equal(["anthropic", "openai"], measurements.Select(m => (string)m.Tags["stealthrelay.upstream"]!).Order(StringComparer.Ordinal));
        Assert.All(measurements, m => Assert.Equal("open", m.Tags["stealthrelay.circuit.state"]));
    }

    [Fact]
    public async Task Metrics_FailedAttemptsAndOpenCircuit_CountedByKind()
    {
        using var errors = new MetricCollector<long>(_gateway.Services.GetRequiredService<IMeterFactory>(), GatewayDiagnostics.Name, "stealthrelay.gateway.upstream.errors");

        await FailTwiceAsync("/v1/chat/completions");
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);
        using var refused = await _gateway.Client.SendAsync(request);

        var kinds = errors.GetMeasurementSnapshot().Select(m => (string)m.Tags["error.type"]!).ToList();
        Assert.Equal(["status_5xx", "status_5xx", "circuit_open"], kinds);
        Assert.All(errors.GetMeasurementSnapshot(), m => Assert.Equal("openai", m.Tags["stealthrelay.upstream"]));
    }

    private async Task FailTwiceAsync(string path)
    {
        for (var i = 0; i < 2; i++)
        {
            using var request = ResilienceFixture.Chat(path, stream: false);
            using var response = await _gateway.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode); // the provider's own answer, relayed
        }
    }

    private CircuitState StateOf(string upstream) =>
        _gateway.Services.GetRequiredService<ICircuitStateSource>().GetStates().Single(s => s.Upstream == upstream).State;

    private static string UpstreamOf(string path) => path.StartsWith("/v1/messages", StringComparison.Ordinal) ? "anthropic" : "openai";
}
