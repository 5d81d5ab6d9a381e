using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>Upstream mode: markings, local-only entities and the header send a request to the local model; the rest is forwarded.</summary>
[Collection(LocalModelGroup.Name)]
public sealed class UpstreamModeRoutingTests(LocalModelFixture model) : IAsyncLifetime
{
    private FakeProvider _provider = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeProvider.StartAsync();
        _gateway = await LocalGateway.StartAsync(_provider, model, new Dictionary<string, string?>
        {
            ["Relay:Routing:LocalOnlyEntities:0"] = "US_SSN",
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Theory]
    [InlineData("TOP SECRET//NOFORN Tell me a story.")]
    [InlineData("(S//NF) Tell me a story.")]
    [InlineData("SECRET//REL TO USA, GBR Tell me a story.")]
    [InlineData("Summary (TS) follows. Tell me a story.")]
    [InlineData("This is CONFIDENTIAL. Tell me a story.")]
    [InlineData("Tell me a story. RESTRICTED")]
    public async Task ChatCompletions_MarkingInUserMessage_ServedLocallyAndNothingForwarded(string text)
    {
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/chat/completions", Bodies.Chat(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("chat.completion", json.RootElement.GetProperty("object").GetString());
        Assert.Equal("local-test", json.RootElement.GetProperty("model").GetString());
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task ChatCompletions_EscapedMarking_ServedLocally()
    {
        var body = Bodies.Chat("PLACEHOLDER Tell me a story.").Replace("PLACEHOLDER", "\\u0053ECRET//NOFORN", StringComparison.Ordinal);

        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/chat/completions", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task Messages_MarkingInSystemPrompt_ServedLocallyAndNothingForwarded()
    {
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/messages", Bodies.Messages("Tell me a story.", system: "Classification: SECRET//NOFORN"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("message", json.RootElement.GetProperty("type").GetString());
        Assert.Empty(_provider.Requests);
    }

    [Theory]
    [InlineData("Can you keep a secret? Tell me a story.")]
    [InlineData("The SECRETARY and the TOP SECRETS club. Tell me a story.")]
    [InlineData("Secret, confidential, restricted: words in lower case.")]
    public async Task ChatCompletions_NoMarking_ForwardedUpstream(string text)
    {
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/chat/completions", Bodies.Chat(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("upstream:openai", Bodies.Route(response));
        Assert.Single(_provider.Requests);
    }

    [Fact]
    public async Task ChatCompletions_LocalOnlyEntity_ServedLocallyWithOriginalText()
    {
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/chat/completions", Bodies.Chat("My SSN is " + Pii.Ssn + ". Tell me a story."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        Assert.Contains("US_SSN=1", response.Headers.GetValues("X-Relay-Entities").Single(), StringComparison.Ordinal);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task ChatCompletions_OtherEntityOnly_ForwardedRedacted()
    {
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/chat/completions", Bodies.Chat("Mail " + Pii.Email + " a story."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("upstream:openai", Bodies.Route(response));
        Assert.False(_provider.Single().Contains(Pii.Email));
    }

    [Fact]
    public async Task ChatCompletions_HeaderLocal_ServedLocallyAndNothingForwarded()
    {
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/chat/completions", Bodies.Chat("Tell me a story."), routeHeader: "local");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task ChatCompletions_HeaderUpstreamWithMarking_StillServedLocally()
    {
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/chat/completions", Bodies.Chat("TOP SECRET Tell me a story."), routeHeader: "upstream");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task Embeddings_HeaderLocal_RefusedInOpenAIShapeAndNothingForwarded()
    {
        using var response = await Bodies.PostAsync(_gateway.Client, "/v1/embeddings", """{"model":"text-embedding-3-small","input":"hello"}""", routeHeader: "local");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not_available_on_local_route", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("not available on the local route", json.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task RouteDecisions_MarkingAndPlain_CountedWithRouteAndReason()
    {
        using var decisions = new MetricCollector<long>(_gateway.Services.GetRequiredService<IMeterFactory>(), "StealthRelay.Gateway", "stealthrelay.route.decisions");

        using (await Bodies.PostAsync(_gateway.Client, "/v1/chat/completions", Bodies.Chat("SECRET Tell me a story.")))
        using (await Bodies.PostAsync(_gateway.Client, "/v1/chat/completions", Bodies.Chat("Tell me a story.")))
        {
        }

        var measurements = decisions.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.Equal("local", measurements[0].Tags["route"]);
        Assert.Equal("classification_marking", measurements[0].Tags["reason"]);
        Assert.Equal("upstream", measurements[1].Tags["route"]);
        Assert.Equal("default", measurements[1].Tags["reason"]);
    }
}
