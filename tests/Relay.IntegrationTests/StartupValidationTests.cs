using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StealthRelay.Redaction.Ner;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>Start-up validation: the gateway does not start on bad configuration and names every problem at once.</summary>
public sealed class StartupValidationTests : IAsyncLifetime
{
    private FakeProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

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

    [Fact]
    public async Task Startup_GatewayAndRedactionErrors_ReportedTogether()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(_provider, new Dictionary<string, string?>
        {
            ["Relay:Upstreams:openai:BaseUrl"] = "not-a-url",
            ["Relay:Redaction:DetectionTimeout"] = "-00:00:01",
        }));

        var messages = exception is AggregateException aggregate
            ? string.Join("\n", aggregate.InnerExceptions.Select(e => e.Message))
            : exception.Message;
        Assert.Contains("Relay:Upstreams:openai:BaseUrl", messages, StringComparison.Ordinal);
        Assert.Contains("Relay:Redaction:DetectionTimeout", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_NerSettingsFromAddedConfiguration_AreHonoured()
    {
        // Configuration sources added by the host's configure callback (as tests and embedders do) decide the model too.
        await using (var withModel = await GatewayHost.StartAsync(_provider))
        {
            Assert.NotNull(withModel.Services.GetService<INerModel>());
        }

        await using (var withoutModel = await GatewayHost.StartAsync(_provider, new Dictionary<string, string?> { ["Relay:Ner:Enabled"] = "false" }))
        {
            Assert.Null(withoutModel.Services.GetService<INerModel>());
        }

        var error = await Assert.ThrowsAsync<NerModelException>(() => GatewayHost.StartAsync(_provider, new Dictionary<string, string?>
        {
            ["Relay:Ner:ModelPath"] = "/no/such/model/folder",
        }));
        Assert.Contains("Relay:Ner:ModelPath", error.Message, StringComparison.Ordinal);
        Assert.Empty(_provider.Requests);
    }
}
