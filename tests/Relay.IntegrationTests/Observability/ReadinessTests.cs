using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Gateway.Telemetry;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.Observability;

/// <summary><c>/readyz</c>: ready with a closed circuit or a local model, 503 naming the failed check otherwise.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_DefaultCircuits_ReadyWithEveryCheckPassing()
    {
        await using var gateway = await GatewayHost.StartAsync(null);

        using var response = await gateway.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("failed").GetArrayLength());
        Assert.Equal("pass", body.RootElement.GetProperty("checks").GetProperty("upstreams").GetString());
        Assert.Equal("pass", body.RootElement.GetProperty("checks").GetProperty("ner_model").GetString());
    }

    [Fact]
    public async Task Readyz_EveryCircuitOpen_503NamingUpstreams()
    {
        await using var gateway = await GatewayHost.StartAsync(null, services: s => s.AddSingleton<ICircuitStateSource>(new FixedCircuits(CircuitState.Open)));

        using var response = await gateway.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not_ready", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(["upstreams"], body.RootElement.GetProperty("failed").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Readyz_EveryCircuitOpenButLocalModelConfigured_Ready()
    {
        await using var gateway = await GatewayHost.StartAsync(null,
            new Dictionary<string, string?> { ["Relay:Local:Endpoint"] = "http://127.0.0.1:9/v1" },
            s => s.AddSingleton<ICircuitStateSource>(new FixedCircuits(CircuitState.Open)));

        using var response = await gateway.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_OneCircuitHalfOpen_Ready()
    {
        await using var gateway = await GatewayHost.StartAsync(null, services: s => s.AddSingleton<ICircuitStateSource>(
            new FixedCircuits(CircuitState.Open, ("anthropic", CircuitState.HalfOpen))));

        using var response = await gateway.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class FixedCircuits(CircuitState state, params (string Upstream, CircuitState State)[] overrides) : ICircuitStateSource
    {
        public IEnumerable<(string Upstream, CircuitState State)> GetStates() =>
            new[] { "openai", "anthropic" }.Select(name => overrides.FirstOrDefault(o => o.Upstream == name) is { Upstream: not null } o ? o : (name, state));
    }
}
