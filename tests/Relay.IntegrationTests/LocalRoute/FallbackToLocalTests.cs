using System.Net;
using System.Text.Json;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary><c>Relay:Routing:FallbackToLocal</c>: an unreachable or failing provider is replaced by the local model.</summary>
[Collection(LocalModelGroup.Name)]
public sealed class FallbackToLocalTests(LocalModelFixture model)
{
    private static readonly Dictionary<string, string?> Fallback = new() { ["Relay:Routing:FallbackToLocal"] = "true" };

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
        Assert.Equal("/openai/v1/chat/completions", Assert.Single(failing.Paths));
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
        Assert.Single(failing.Paths);
    }

    [Fact]
    public async Task ChatCompletions_Provider500WithoutFallback_PassesThe500Through()
    {
        await using var failing = await FailingProvider.StartAsync();
        await using var gateway = await LocalGateway.StartAsync(null, model, upstreamBase: failing.BaseAddress);

        using var response = await Bodies.PostAsync(gateway.Client, "/v1/chat/completions", Bodies.Chat("Tell me a story."));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("upstream:openai", Bodies.Route(response));
    }
}
