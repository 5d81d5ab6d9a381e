using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>The gateway's meter reports routes, statuses and entity counts, and its tags carry no content.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private FakeProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task Metrics_RedactedRequest_CountsEntitiesAndRequestWithoutContent()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);
        var meterFactory = gateway.Services.GetRequiredService<IMeterFactory>();
        using var requests = new MetricCollector<long>(meterFactory, "StealthRelay.Gateway", "stealthrelay.gateway.requests");
        using var entities = new MetricCollector<long>(meterFactory, "StealthRelay.Gateway", "stealthrelay.gateway.entities");
        var body = JsonSerializer.Serialize(new { model = "m", messages = new[] { new { role = "user", content = "Mail " + Pii.Email } } });

        using var response = await gateway.Client.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        await requests.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(30));

        var entity = Assert.Single(entities.GetMeasurementSnapshot());
        Assert.Equal(1, entity.Value);
        Assert.Equal("EMAIL_ADDRESS", entity.Tags["entity.type"]);
        var request = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal("upstream:openai", request.Tags["relay.route"]);
        Assert.Equal("/v1/chat/completions", request.Tags["http.route"]);
        Assert.Equal(200, request.Tags["http.response.status_code"]);
        Assert.DoesNotContain(request.Tags.Values.Concat(entity.Tags.Values), v => v?.ToString()?.Contains(Pii.Email, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Metrics_UnknownPath_TaggedOtherNotThePath()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);
        using var requests = new MetricCollector<long>(gateway.Services.GetRequiredService<IMeterFactory>(), "StealthRelay.Gateway", "stealthrelay.gateway.requests");

        using var response = await gateway.Client.GetAsync("/v1/secret-" + Pii.Ssn);
        await requests.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(30));

        var request = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal("other", request.Tags["http.route"]);
        Assert.Equal("none", request.Tags["relay.route"]);
        Assert.Equal(404, request.Tags["http.response.status_code"]);
    }

    [Fact]
    public async Task Startup_InvalidConfiguration_FailsWithAllErrors()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHost.StartAsync(_provider, new Dictionary<string, string?>
        {
            ["Relay:Upstreams:openai:BaseUrl"] = "not-a-url",
            ["Relay:Telemetry:OtlpEndpoint"] = "collector:4317",
            ["Relay:Routing:Anthropic"] = "missing",
        }));

        Assert.Equal(3, exception.Failures.Count());
        Assert.Empty(_provider.Requests);
    }
}
