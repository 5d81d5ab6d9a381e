using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Models.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OpenAI;
using OpenAI.Chat;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.Security;

/// <summary>Client keys, per-client upstreams and policies, and the admin key, against the real gateway and a recording fake provider.</summary>
public sealed class ClientKeyTests : IAsyncLifetime
{
    private FakeProvider _provider = null!;
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeProvider.StartAsync();
        _gateway = await GatewayHost.StartAsync(_provider, Keys.Config());
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _provider.DisposeAsync();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string ChatBody(string text) =>
        JsonSerializer.Serialize(new { model = "gpt-4o-mini", messages = new[] { new { role = "user", content = text } } });

    private static string MessagesBody(string text) =>
        JsonSerializer.Serialize(new { model = "claude-sonnet-4-5", max_tokens = 64, messages = new[] { new { role = "user", content = text } } });

    private static HttpRequestMessage Chat(string text, string? bearer) => WithBearer(new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = Json(ChatBody(text)) }, bearer);

    private static HttpRequestMessage Messages(string text, string? apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = Json(MessagesBody(text)) };
        request.Headers.Add("anthropic-version", "2023-06-01");
        if (apiKey is not null)
        {
            request.Headers.Add("x-api-key", apiKey);
        }

        return request;
    }

    private static HttpRequestMessage WithBearer(HttpRequestMessage request, string? bearer)
    {
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Theory]
    [InlineData(null)]
    [InlineData("sk-not-a-client")]
    public async Task ChatCompletions_UnknownOrMissingBearer_Returns401InOpenAIShape_NothingForwarded(string? key)
    {
        using var request = Chat("hello", key);
        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await ReadJsonAsync(response)).GetProperty("error");
        Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
        Assert.Contains("Authorization: Bearer", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(_provider.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sk-ant-not-a-client")]
    public async Task Messages_UnknownOrMissingApiKey_Returns401InAnthropicShape_NothingForwarded(string? key)
    {
        using var request = Messages("hello", key);
        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var json = await ReadJsonAsync(response);
        Assert.Equal("error", json.GetProperty("type").GetString());
        Assert.Equal("authentication_error", json.GetProperty("error").GetProperty("type").GetString());
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task OpenAISdk_UnknownKey_SeesStatus401()
    {
        var client = new ChatClient("gpt-4o-mini", new ApiKeyCredential("sk-not-a-client"),
            new OpenAIClientOptions { Endpoint = new Uri(_gateway.BaseAddress, "/v1"), RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0) });

        var exception = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("hello")]));

        Assert.Equal(401, exception.Status);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task OpenAISdk_KnownKey_ProviderSeesUpstreamKeyNotClientKey()
    {
        var client = new ChatClient("gpt-4o-mini", new ApiKeyCredential(Keys.Alpha),
            new OpenAIClientOptions { Endpoint = new Uri(_gateway.BaseAddress, "/v1"), RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0) });

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("Mail " + Pii.Email)]);

        Assert.EndsWith("Mail " + Pii.Email, completion.Content[0].Text, StringComparison.Ordinal);
        var received = _provider.Single();
        Assert.Equal("Bearer " + Keys.UpstreamOpenAI, received.Header("Authorization"));
        Assert.Null(received.Header("x-api-key"));
        Assert.DoesNotContain(received.Headers.Values, v => v.Contains(Keys.Alpha, StringComparison.Ordinal));
        Assert.False(received.Contains(Pii.Email));
    }

    [Fact]
    public async Task AnthropicSdk_KnownKey_ProviderSeesUpstreamKeyNotClientKey()
    {
        using var client = new AnthropicClient { ApiKey = Keys.Alpha, BaseUrl = _gateway.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };

        var message = await client.Messages.Create(new MessageCreateParams
        {
            MaxTokens = 64,
            Model = "claude-sonnet-4-5",
            Messages = [new UserMessageParam("hello")],
        });

        Assert.True(message.Content[0].TryPickText(out _));
        var received = _provider.Single();
        Assert.Equal(Keys.UpstreamAnthropic, received.Header("x-api-key"));
        Assert.Null(received.Header("Authorization"));
        Assert.DoesNotContain(received.Headers.Values, v => v.Contains(Keys.Alpha, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Messages_KnownKeyAsXApiKey_Accepted()
    {
        using var request = Messages("hello", Keys.Alpha);
        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Keys.UpstreamAnthropic, _provider.Single().Header("x-api-key"));
    }

    [Fact]
    public async Task Messages_ClientNotAllowedOnUpstream_Returns403InAnthropicShape_NothingForwarded()
    {
        using var request = Messages("hello", Keys.OpenAIOnly);
        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("permission_error", (await ReadJsonAsync(response)).GetProperty("error").GetProperty("type").GetString());
        Assert.Empty(_provider.Requests);

        using var allowed = Chat("hello", Keys.OpenAIOnly);
        using var ok = await _gateway.Client.SendAsync(allowed);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Single(_provider.Requests);
    }

    [Fact]
    public async Task ChatCompletions_ClientPolicyAllowListsTerm_OnlyThatClientForwardsItUnredacted()
    {
        using (var request = Chat("Mail " + Pii.Email, Keys.AllowsEmail))
        using (var response = await _gateway.Client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var request = Chat("Mail " + Pii.Email, Keys.Alpha))
        using (var response = await _gateway.Client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var received = _provider.Requests.ToArray();
        Assert.Equal(2, received.Length);
        Assert.True(received[0].Contains(Pii.Email), "The client's own policy allow-lists the address.");
        Assert.False(received[1].Contains(Pii.Email), "Another client's request falls back to the global policy.");
        Assert.True(received[1].Contains("[EMAIL_ADDRESS_1]"));
    }

    [Fact]
    public async Task Analyze_AdminKey_Answers_ClientKeyOrNoKey_Returns401()
    {
        var body = JsonSerializer.Serialize(new { text = "Mail " + Pii.Email });

        using var admin = WithBearer(new HttpRequestMessage(HttpMethod.Post, "/relay/v1/analyze") { Content = Json(body) }, Keys.Admin);
        using var adminResponse = await _gateway.Client.SendAsync(admin);
        using var client = WithBearer(new HttpRequestMessage(HttpMethod.Post, "/relay/v1/analyze") { Content = Json(body) }, Keys.Alpha);
        using var clientResponse = await _gateway.Client.SendAsync(client);
        using var anonymous = await _gateway.Client.PostAsync("/relay/v1/analyze", Json(body));

        Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);
        Assert.NotEmpty((await ReadJsonAsync(adminResponse)).GetProperty("entities").EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, clientResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task Healthz_NoKey_StaysOpen()
    {
        using var response = await _gateway.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Analyze_NoAdminKeyConfigured_Returns403SayingHowToEnable()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider);

        using var response = await gateway.Client.PostAsync("/relay/v1/analyze", Json("{\"text\":\"hi\"}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Relay:Admin:KeySha256", (await ReadJsonAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NoClients_LogsPassThroughWarningAndForwardsClientKey()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider, services: s => s.AddLogging(b => b.AddFakeLogging()));

        var records = gateway.Services.GetFakeLogCollector().GetSnapshot();
        var warning = Assert.Single(records, r => r.Id.Id == 1201);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("PASS-THROUGH", warning.Message, StringComparison.Ordinal);

        using var request = Chat("hello", "sk-client-own-key");
        using var response = await gateway.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer sk-client-own-key", _provider.Single().Header("Authorization"));
    }

    [Fact]
    public async Task StartAsync_ClientsConfigured_NoPassThroughWarning()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider, Keys.Config(), s => s.AddLogging(b => b.AddFakeLogging()));

        var records = gateway.Services.GetFakeLogCollector().GetSnapshot();
        Assert.DoesNotContain(records, r => r.Id.Id == 1201);
    }
}
