using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.Security;

/// <summary>Rate limits, body size, JSON depth and start-up validation of the client settings; every refusal forwards nothing.</summary>
public sealed class AbuseLimitsTests : IAsyncLifetime
{
    private FakeProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string ChatBody(string text) =>
        JsonSerializer.Serialize(new { model = "gpt-4o-mini", messages = new[] { new { role = "user", content = text } } });

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").Clone();

    [Fact]
    public async Task ChatCompletions_ClientOverItsRateLimit_Returns429WithRetryAfter_NothingMoreForwarded()
    {
        var config = Keys.Config();
        config["Relay:Clients:alpha:RateLimit:PermitLimit"] = "3";
        config["Relay:Clients:alpha:RateLimit:Window"] = "01:00:00";
        await using var gateway = await GatewayHost.StartAsync(_provider, config);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = Json(ChatBody("hello")) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Keys.Alpha);
            last = await gateway.Client.SendAsync(request);
            statuses.Add(last.StatusCode);
        }

        using (last)
        {
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], statuses);
            Assert.NotNull(last!.Headers.RetryAfter?.Delta);
            Assert.InRange(last.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 3600);
            Assert.Equal("rate_limit_exceeded", (await ErrorAsync(last)).GetProperty("code").GetString());
        }

        Assert.Equal(3, _provider.Requests.Count);

        // Another client has its own partition.
        using var other = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = Json(ChatBody("hello")) };
        other.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Keys.OpenAIOnly);
        using var otherResponse = await gateway.Client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
    }

    [Fact]
    public async Task Messages_PassThroughOverAddressRateLimit_Returns429InAnthropicShape()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider, new Dictionary<string, string?>
        {
            ["Relay:RateLimit:PermitLimit"] = "2",
            ["Relay:RateLimit:Window"] = "01:00:00",
        });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
            {
                Content = Json(JsonSerializer.Serialize(new { model = "claude-sonnet-4-5", max_tokens = 64, messages = new[] { new { role = "user", content = "hi" } } })),
            };
            request.Headers.Add("anthropic-version", "2023-06-01");
            using var response = await gateway.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (i == 2)
            {
                var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal("rate_limit_error", json.GetProperty("error").GetProperty("type").GetString());
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], statuses);
        Assert.Equal(2, _provider.Requests.Count);
        using var health = await gateway.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task ChatCompletions_UnknownKeysOverAddressRateLimit_Return429BeforeTheir401()
    {
        var config = Keys.Config();
        config["Relay:RateLimit:PermitLimit"] = "2";
        config["Relay:RateLimit:Window"] = "01:00:00";
        await using var gateway = await GatewayHost.StartAsync(_provider, config);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = Json(ChatBody("hello")) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess-" + i);
            using var response = await gateway.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)429], statuses);
        Assert.Empty(_provider.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ChatCompletions_BodyOverLimit_Returns413InOpenAIShape_NothingForwarded(bool declaredLength)
    {
        await using var gateway = await GatewayHost.StartAsync(_provider, new Dictionary<string, string?> { ["Relay:Limits:MaxRequestBodyBytes"] = "1024" });
        var bytes = Encoding.UTF8.GetBytes(ChatBody(new string('a', 4096)));
        HttpContent content = declaredLength ? new ByteArrayContent(bytes) : new UnknownLengthContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await gateway.Client.PostAsync("/v1/chat/completions", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request_too_large", (await ErrorAsync(response)).GetProperty("code").GetString());
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task ChatCompletions_ChunkedBodyWithinLimit_Forwarded()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider, new Dictionary<string, string?> { ["Relay:Limits:MaxRequestBodyBytes"] = "1024" });
        var content = new UnknownLengthContent(Encoding.UTF8.GetBytes(ChatBody("hello")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await gateway.Client.PostAsync("/v1/chat/completions", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_provider.Requests);
    }

    [Fact]
    public async Task ChatCompletions_JsonTooDeep_Returns400_NothingForwarded()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);
        // 64 levels are the default limit: the root object plus 64 nested arrays is one level too deep.
        var deep = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"x\":" + new string('[', 64) + new string(']', 64) + "}";
        var within = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"x\":" + new string('[', 20) + new string(']', 20) + "}";

        using var response = await gateway.Client.PostAsync("/v1/chat/completions", Json(deep));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Relay:Limits:MaxJsonDepth", (await ErrorAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_provider.Requests);

        using var ok = await gateway.Client.PostAsync("/v1/chat/completions", Json(within));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task StartAsync_ClientsWithoutUpstreamApiKey_FailsNamingTheKey()
    {
        var config = Keys.Config();
        config.Remove("Relay:Upstreams:anthropic:ApiKey");
        config["Relay:Clients:alpha:KeySha256"] = "not-hex";

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHost.StartAsync(_provider, config));

        Assert.Contains(exception.Failures, f => f.Contains("Relay:Upstreams:anthropic:ApiKey is required", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("Relay:Clients:alpha:KeySha256", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_InvalidClientPolicy_FailsWithEngineMessage()
    {
        var config = Keys.Config();
        config["Relay:Clients:allows-email:Policy:DefaultMinScore"] = "2";

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHost.StartAsync(_provider, config));

        Assert.Contains(exception.Failures, f => f.Contains("Relay:Clients:allows-email:Policy", StringComparison.Ordinal));
    }

    /// <summary>Content without a length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
