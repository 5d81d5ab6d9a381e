using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StealthRelay.IntegrationTests.Infrastructure;
using StealthRelay.IntegrationTests.Observability;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>No <c>Relay:Local</c> model or endpoint: a request that must stay local is refused 503, never forwarded.</summary>
public sealed class NoLocalModelTests
{
    private const string NoModel = "no local model is configured";

    [Theory]
    [InlineData("Upstream", null, "TOP SECRET//NOFORN Tell me a story.")]
    [InlineData("Upstream", "local", "Tell me a story.")]
    [InlineData("Upstream", null, "My SSN is " + Pii.Ssn + ".")]
    [InlineData("Local", "upstream", "Tell me a story.")]
    public async Task ChatCompletions_MustStayLocal_Refused503AndNothingForwarded(string mode, string? header, string text)
    {
        await using var provider = await FakeProvider.StartAsync();
        await using var gateway = await LocalGateway.StartAsync(provider, model: null, new Dictionary<string, string?>
        {
            ["Relay:Routing:DefaultRoute"] = mode,
            ["Relay:Routing:LocalOnlyEntities:0"] = "US_SSN",
        });

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/chat/completions", Bodies.Chat(text), header);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(NoModel, json.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("no_local_model", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Empty(provider.Requests);
    }

    [Fact]
    public async Task Messages_Marking_Refused503InAnthropicShape()
    {
        await using var provider = await FakeProvider.StartAsync();
        await using var gateway = await LocalGateway.StartAsync(provider, model: null);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/messages", Bodies.Messages("(S//NF) Tell me a story."));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("error", json.RootElement.GetProperty("type").GetString());
        Assert.Contains(NoModel, json.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(provider.Requests);
    }

    [Fact]
    public async Task Models_LocalModeWithoutModel_RefusedAndNothingForwarded()
    {
        await using var provider = await FakeProvider.StartAsync();
        await using var gateway = await LocalGateway.StartAsync(provider, model: null, new Dictionary<string, string?> { ["Relay:Routing:DefaultRoute"] = "Local" });

        using var response = await gateway.Client.GetAsync(new Uri("/v1/models", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        Assert.Empty(provider.Requests);
    }

    [Theory]
    [InlineData("Local", true)]
    [InlineData("Upstream", false)]
    public async Task StartUp_LocalModeWithoutModel_WarnsThatEveryRequestWillBeRefused(string mode, bool warns)
    {
        var logs = new CapturingLoggerProvider();
        await using var gateway = await GatewayHost.StartAsync(null, new Dictionary<string, string?> { ["Relay:Routing:DefaultRoute"] = mode },
            services => services.AddSingleton<ILoggerProvider>(logs));

        var warning = logs.Entries.Any(e => e.Contains("(1012 LocalOnlyWithoutModel)", StringComparison.Ordinal) && e.StartsWith("[Warning]", StringComparison.Ordinal));

        Assert.Equal(warns, warning);
    }

    [Fact]
    public async Task ChatCompletions_ProviderStoppedWithFallbackButNoModel_Answers502()
    {
        var stopped = await FakeProvider.StartAsync();
        var address = stopped.BaseAddress;
        await stopped.DisposeAsync();
        await using var gateway = await LocalGateway.StartAsync(null, model: null, new Dictionary<string, string?> { ["Relay:Routing:FallbackToLocal"] = "true" }, upstreamBase: address);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/chat/completions", Bodies.Chat("Tell me a story."));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("upstream:openai", Bodies.Route(response));
    }
}
