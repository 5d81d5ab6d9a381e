using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>Raw-HTTP checks of routing, errors, limits, credentials and metadata scrubbing, with a recording fake provider.</summary>
public sealed class GatewayBehaviourTests : IAsyncLifetime
{
    private FakeProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string ChatBody(string text, string extra = "") =>
        $$"""{"model":"gpt-4o-mini","messages":[{"role":"user","content":{{JsonSerializer.Serialize(text)}}}]{{extra}}}""";

    private static string MessagesBody(string text, string extra = "") =>
        $$"""{"model":"claude-sonnet-4-5","max_tokens":16,"messages":[{"role":"user","content":{{JsonSerializer.Serialize(text)}}}]{{extra}}}""";

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static string Route(HttpResponseMessage response) => response.Headers.GetValues("X-Relay-Route").Single();

    [Theory]
    [InlineData("POST", "/v1/completions")]
    [InlineData("GET", "/v1/chat/completions")]
    [InlineData("POST", "/v1/files")]
    [InlineData("DELETE", "/v1/models")]
    [InlineData("POST", "/admin")]
    public async Task UnknownPathOrMethod_Returns404Json_NothingForwarded(string method, string path)
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);

        using var response = await gateway.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Json(ChatBody(Pii.Email)) });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = (await ReadJsonAsync(response)).GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("none", Route(response));
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task UnknownPath_AnthropicClient_Returns404InAnthropicShape()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/complete") { Content = Json(MessagesBody("x")) };
        request.Headers.Add("anthropic-version", "2023-06-01");

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var json = await ReadJsonAsync(response);
        Assert.Equal("error", json.GetProperty("type").GetString());
        Assert.Equal("not_found_error", json.GetProperty("error").GetProperty("type").GetString());
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task MalformedJson_OpenAIPath_Returns400InOpenAIShape_NothingForwarded()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);

        using var response = await gateway.Client.PostAsync("/v1/chat/completions", Json("{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"" + Pii.Email));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.True(error.TryGetProperty("param", out _));
        Assert.True(error.TryGetProperty("code", out _));
        Assert.DoesNotContain(Pii.Email, body, StringComparison.Ordinal);
        Assert.Equal("upstream:openai", Route(response));
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task MalformedJson_AnthropicPath_Returns400InAnthropicShape_NothingForwarded()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);

        using var response = await gateway.Client.PostAsync("/v1/messages", Json("[not json " + Pii.Ssn));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("error", json.GetProperty("type").GetString());
        Assert.Equal("invalid_request_error", json.GetProperty("error").GetProperty("type").GetString());
        Assert.DoesNotContain(Pii.Ssn, body, StringComparison.Ordinal);
        Assert.Equal("upstream:anthropic", Route(response));
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task OversizedBody_Returns413_NothingForwarded()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider, new Dictionary<string, string?> { ["Relay:Limits:MaxRequestBodyBytes"] = "1024" });

        using var response = await gateway.Client.PostAsync("/v1/chat/completions", Json(ChatBody(new string('a', 2000) + Pii.Email)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request_too_large", (await ReadJsonAsync(response)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("upstream:openai", Route(response));
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task OversizedChunkedBody_Returns413InAnthropicShape_NothingForwarded()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider, new Dictionary<string, string?> { ["Relay:Limits:MaxRequestBodyBytes"] = "1024" });
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(MessagesBody(new string('b', 5000)))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request_too_large", (await ReadJsonAsync(response)).GetProperty("error").GetProperty("type").GetString());
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task ConfiguredApiKey_ReplacesClientCredentials()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider, new Dictionary<string, string?>
        {
            ["Relay:Upstreams:openai:ApiKey"] = "gateway-openai-key",
            ["Relay:Upstreams:anthropic:ApiKey"] = "gateway-anthropic-key",
        });
        using var openAI = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = Json(ChatBody("hello")) };
        openAI.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "client-key");
        using var anthropic = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = Json(MessagesBody("hello")) };
        anthropic.Headers.Add("x-api-key", "client-anthropic-key");

        (await gateway.Client.SendAsync(openAI)).EnsureSuccessStatusCode();
        (await gateway.Client.SendAsync(anthropic)).EnsureSuccessStatusCode();

        var requests = _provider.Requests.ToArray();
        Assert.Equal("Bearer gateway-openai-key", requests[0].Header("Authorization"));
        Assert.Null(requests[0].Header("x-api-key"));
        Assert.Equal("gateway-anthropic-key", requests[1].Header("x-api-key"));
        Assert.Null(requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task NoConfiguredApiKey_ClientCredentialsPassThrough()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);
        using var openAI = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = Json(ChatBody("hello")) };
        openAI.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "client-key");
        using var anthropic = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = Json(MessagesBody("hello")) };
        anthropic.Headers.Add("x-api-key", "client-anthropic-key");

        (await gateway.Client.SendAsync(openAI)).EnsureSuccessStatusCode();
        (await gateway.Client.SendAsync(anthropic)).EnsureSuccessStatusCode();

        var requests = _provider.Requests.ToArray();
        Assert.Equal("Bearer client-key", requests[0].Header("Authorization"));
        Assert.Equal("client-anthropic-key", requests[1].Header("x-api-key"));
    }

    [Fact]
    public async Task MetadataHeaders_ScrubbedBeforeForwarding()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = Json(ChatBody("hello")) };
        request.Headers.TryAddWithoutValidation("Forwarded", "for=192.0.2.60;proto=http");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "192.0.2.60");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "intranet.example");
        request.Headers.TryAddWithoutValidation("X-Real-IP", "192.0.2.60");
        request.Headers.TryAddWithoutValidation("Cookie", "session=abc");
        request.Headers.TryAddWithoutValidation("Via", "1.1 corp-proxy");
        request.Headers.TryAddWithoutValidation("X-Relay-Debug", "1");
        request.Headers.TryAddWithoutValidation("User-Agent", "CorpApp/7.1 (jane.doe)");
        request.Headers.TryAddWithoutValidation("OpenAI-Organization", "org-123");

        (await gateway.Client.SendAsync(request)).EnsureSuccessStatusCode();

        var received = _provider.Single();
        foreach (var name in received.Headers.Keys)
        {
            Assert.False(name.StartsWith("X-Forwarded", StringComparison.OrdinalIgnoreCase), name);
            Assert.False(name.StartsWith("X-Relay", StringComparison.OrdinalIgnoreCase), name);
        }

        Assert.Null(received.Header("Forwarded"));
        Assert.Null(received.Header("X-Real-IP"));
        Assert.Null(received.Header("Cookie"));
        Assert.Null(received.Header("Via"));
        Assert.Null(received.Header("traceparent"));
        Assert.Equal("StealthRelay/1.0", received.Header("User-Agent"));
        Assert.Equal("org-123", received.Header("OpenAI-Organization"));
        Assert.Equal("identity", received.Header("Accept-Encoding"));
    }

    [Fact]
    public async Task UserIds_PseudonymizedByDefault()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);

        (await gateway.Client.PostAsync("/v1/chat/completions", Json(ChatBody("hello", ",\"user\":\"user-42\",\"safety_identifier\":\"user-43\"")))).EnsureSuccessStatusCode();

        var json = _provider.Single().Json();
        Assert.Equal(Pseudonyms.Expected("user-42"), json.GetProperty("user").GetString());
        Assert.Equal(Pseudonyms.Expected("user-43"), json.GetProperty("safety_identifier").GetString());
        Assert.False(_provider.Single().Contains("user-42"));
    }

    [Fact]
    public async Task UserIds_RemoveMode_FieldsAbsentAtProvider()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider, new Dictionary<string, string?> { ["Relay:Privacy:UserIdMode"] = "Remove" });

        (await gateway.Client.PostAsync("/v1/chat/completions", Json(ChatBody("hello", ",\"user\":\"user-42\",\"safety_identifier\":\"user-43\"")))).EnsureSuccessStatusCode();
        (await gateway.Client.PostAsync("/v1/messages", Json(MessagesBody("hello", ",\"metadata\":{\"user_id\":\"user-44\"}")))).EnsureSuccessStatusCode();

        var requests = _provider.Requests.ToArray();
        Assert.False(requests[0].Json().TryGetProperty("user", out _));
        Assert.False(requests[0].Json().TryGetProperty("safety_identifier", out _));
        Assert.False(requests[1].Json().GetProperty("metadata").TryGetProperty("user_id", out _));
    }

    [Fact]
    public async Task RouteHeader_PresentOnEveryAnswer()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);

        using var health = await gateway.Client.GetAsync("/healthz");
        using var ok = await gateway.Client.PostAsync("/v1/messages", Json(MessagesBody("hello")));
        using var bad = await gateway.Client.PostAsync("/v1/chat/completions", Json("{"));
        using var missing = await gateway.Client.GetAsync("/nope");
        using var models = await gateway.Client.GetAsync("/v1/models");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("local", Route(health));
        Assert.Equal("upstream:anthropic", Route(ok));
        Assert.Equal("upstream:openai", Route(bad));
        Assert.Equal("none", Route(missing));
        Assert.Equal("upstream:openai", Route(models));
    }

    [Fact]
    public async Task EntitiesHeader_ListsTypesAndCountsOnly()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);

        using var response = await gateway.Client.PostAsync("/v1/chat/completions", Json(ChatBody("Mail " + Pii.Email + " or call " + Pii.Phone)));

        var entities = response.Headers.GetValues("X-Relay-Entities").Single();
        Assert.Equal("EMAIL_ADDRESS=1,PHONE_NUMBER=1", entities);
        Assert.DoesNotContain(Pii.Email, entities, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableUpstream_Returns502Json()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider, new Dictionary<string, string?> { ["Relay:Upstreams:openai:BaseUrl"] = "http://127.0.0.1:9" });

        using var response = await gateway.Client.PostAsync("/v1/chat/completions", Json(ChatBody("hello")));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("server_error", (await ReadJsonAsync(response)).GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("upstream:openai", Route(response));
    }

    [Fact]
    public async Task Analyze_ReturnsEntitiesWithUtf16Offsets()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);
        var text = "Zoë 🙂 writes to " + Pii.Email;

        using var response = await gateway.Client.PostAsync("/relay/v1/analyze", Json(JsonSerializer.Serialize(new { text })));

        response.EnsureSuccessStatusCode();
        var entities = (await ReadJsonAsync(response)).GetProperty("entities");
        var email = entities.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "EMAIL_ADDRESS");
        var start = email.GetProperty("start").GetInt32();
        var end = email.GetProperty("end").GetInt32();
        Assert.Equal(Pii.Email, text[start..end]);
        Assert.InRange(email.GetProperty("score").GetDouble(), 0.0, 1.0);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task CompressedRequestBody_Returns415_NothingForwarded()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);
        var content = new ByteArrayContent([0x1f, 0x8b, 0x08, 0x00]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await gateway.Client.PostAsync("/v1/chat/completions", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("invalid_request_error", (await ReadJsonAsync(response)).GetProperty("error").GetProperty("type").GetString());
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task Models_WithAnthropicVersion_RoutedToAnthropicUpstream()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
        request.Headers.Add("anthropic-version", "2023-06-01");

        using var response = await gateway.Client.SendAsync(request);

        response.EnsureSuccessStatusCode();
        Assert.Equal("upstream:anthropic", Route(response));
        Assert.Equal("/v1/models", _provider.Single().Path);
    }
}
