using System.Net;
using System.Text.Json;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary><c>Relay:Routing:FallbackToLocal</c>: an unreachable or failing provider is replaced by the local model.</summary>
[Collection(LocalModelGroup.Name)]
public sealed class FallbackToLocalTests(LocalModelFixture model)
{
    private static readonly Dictionary<string, string?> Fallback = new(FastRetries) { ["Relay:Routing:FallbackToLocal"] = "true" };

    /// <summary>Two retries (three attempts) with a short back-off: the local model answers only after all of them failed.</summary>
    private static Dictionary<string, string?> FastRetries => new()
    {
        ["Relay:Resilience:MaxRetries"] = "2",
        ["Relay:Resilience:RetryBaseDelay"] = "00:00:00.010",
        ["Relay:Resilience:RetryMaxDelay"] = "00:00:00.050",
    };

    [Fact]
    public async Task ChatCompletions_ProviderStopped_AnsweredLocally()
    {
        var stopped = await FakeProvider.StartAsync();
        var address = stopped.BaseAddress;
        await stopped.DisposeAsync(); // connections to its port are now refused
        await using var gateway = await LocalGateway.StartAsync(null, model, Fallback, upstreamBase: address);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/chat/completions", Bodies.Chat("Tell me a story."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("chat.completion", json.RootElement.GetProperty("object").GetString());
        Assert.Empty(stopped.Requests);
    }

    [Fact]
    public async Task ChatCompletions_ProviderStoppedWithoutFallback_Answers502()
    {
        var stopped = await FakeProvider.StartAsync();
        var address = stopped.BaseAddress;
        await stopped.DisposeAsync();
        await using var gateway = await LocalGateway.StartAsync(null, model, upstreamBase: address);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/chat/completions", Bodies.Chat("Tell me a story."));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("upstream:openai", Bodies.Route(response));
    }

    [Fact]
    public async Task ChatCompletionsStreamed_Provider500_AnsweredLocally()
    {
        await using var failing = await FailingProvider.StartAsync();
        await using var gateway = await LocalGateway.StartAsync(null, model, Fallback, upstreamBase: failing.BaseAddress);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/chat/completions", Bodies.Chat("Tell me a story.", stream: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        Assert.StartsWith("text/event-stream", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("chat.completion.chunk", body, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", body, StringComparison.Ordinal);
        Assert.Equal(["/openai/v1/chat/completions", "/openai/v1/chat/completions", "/openai/v1/chat/completions"], failing.Paths);
    }

    [Fact]
    public async Task Messages_Provider500_AnsweredLocally()
    {
        await using var failing = await FailingProvider.StartAsync();
        await using var gateway = await LocalGateway.StartAsync(null, model, Fallback, upstreamBase: failing.BaseAddress);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/messages", Bodies.Messages("Tell me a story."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("message", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(3, failing.Paths.Count); // first attempt + two retries, then the local model
    }

    [Fact]
    public async Task ChatCompletions_PrimaryAndFallbackUpstreamFail_LocalAnswersAfterBoth()
    {
        await using var primary = await FailingProvider.StartAsync();
        await using var secondary = await FailingProvider.StartAsync();
        var settings = new Dictionary<string, string?>(Fallback)
        {
            ["Relay:Upstreams:openai:ApiKey"] = "primary-key",
            ["Relay:Upstreams:openai:Fallback"] = "backup",
            ["Relay:Upstreams:backup:Protocol"] = "OpenAI",
            ["Relay:Upstreams:backup:BaseUrl"] = new Uri(secondary.BaseAddress, "/openai").ToString(),
            ["Relay:Upstreams:backup:ApiKey"] = "backup-key",
        };
        await using var gateway = await LocalGateway.StartAsync(null, model, settings, upstreamBase: primary.BaseAddress);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/chat/completions", Bodies.Chat("Tell me a story."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", Bodies.Route(response));
        Assert.Equal(3, primary.Paths.Count); // the primary's retries,
        Assert.Equal(3, secondary.Paths.Count); // then the fallback upstream's, then the local model
    }

    [Fact]
    public async Task ChatCompletions_Provider500WithoutFallback_PassesThe500Through()
    {
        await using var failing = await FailingProvider.StartAsync();
        await using var gateway = await LocalGateway.StartAsync(null, model, FastRetries, upstreamBase: failing.BaseAddress);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/chat/completions", Bodies.Chat("Tell me a story."));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(3, failing.Paths.Count);
        Assert.Equal("upstream:openai", Bodies.Route(response));
    }
}
