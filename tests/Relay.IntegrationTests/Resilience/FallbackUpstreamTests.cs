using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StealthRelay.Gateway.Echo;
using StealthRelay.Gateway.Telemetry;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.Resilience;

/// <summary>
/// <c>Relay:Upstreams:&lt;name&gt;:Fallback</c>: when the primary's retries end without a usable answer, the same
/// sanitized bytes go to the secondary upstream with its own credentials; the client gets the restored answer.
/// </summary>
public sealed class FallbackUpstreamTests : IAsyncLifetime
{
    private FaultyProvider _primary = null!;
    private FaultyProvider _secondary = null!;

    public async Task InitializeAsync()
    {
        _primary = await FaultyProvider.StartAsync();
        _secondary = await FaultyProvider.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _primary.DisposeAsync();
        await _secondary.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_PrimaryAnswers500_SecondaryAnswersWithSameSanitizedBytes(bool stream)
    {
        _primary.Default = FaultyProvider.Status(500);
        await using var gateway = await StartAsync(_primary.BaseAddress);
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream);

        using var response = await gateway.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("upstream:backup", string.Join(',', response.Headers.GetValues("X-Relay-Route")));
        Assert.Contains(EchoProtocol.Prefix + Pii.Prompt, stream ? Sse.ConcatenateText(text) : RetryTests.JsonUnescaped(text), StringComparison.Ordinal);
        ResilienceFixture.AssertAllSanitizedAndIdentical(_primary, expectedAttempts: 3);
        ResilienceFixture.AssertAllSanitizedAndIdentical(_secondary, expectedAttempts: 1);
        var sent = Assert.Single(_secondary.Requests);
        Assert.Equal(_primary.Requests[0].Body, sent.Body); // the very bytes the primary got: never redacted again
        Assert.Equal("/openai/v1/chat/completions", sent.Path);
        Assert.Equal("Bearer backup-key", sent.Headers["Authorization"]);
        Assert.Equal("Bearer primary-key", _primary.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public async Task Send_PrimaryUnreachable_SecondaryAnswers()
    {
        await using var dead = await FaultyProvider.StartAsync();
        var deadAddress = dead.BaseAddress;
        await dead.DisposeAsync(); // connections to its port are now refused
        await using var gateway = await StartAsync(deadAddress);
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(EchoProtocol.Prefix + Pii.Prompt, RetryTests.JsonUnescaped(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        ResilienceFixture.AssertAllSanitizedAndIdentical(_secondary, expectedAttempts: 1);
    }

    [Fact]
    public async Task Send_PrimaryAndSecondaryFail_ClientGetsTheLastAnswer()
    {
        _primary.Default = FaultyProvider.Status(503);
        _secondary.Default = FaultyProvider.Status(500);
        await using var gateway = await StartAsync(_primary.BaseAddress);
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode); // the secondary's own answer, relayed
        Assert.Equal(3, _primary.Calls.Count);
        Assert.Equal(3, _secondary.Calls.Count);
    }

    [Fact]
    public async Task Send_PrimaryFails_ClientKeyMayNotUseTheFallback_PrimaryErrorAndNothingSentToIt()
    {
        const string key = "sr-client-primary-only-0001";
        _primary.Default = FaultyProvider.Status(500);
        await using var gateway = await StartAsync(_primary.BaseAddress, new()
        {
            ["Relay:Clients:primary-only:KeySha256"] = Security.Keys.Sha256(key),
            ["Relay:Clients:primary-only:AllowedUpstreams:0"] = "openai",
            ["Relay:Routing:Anthropic"] = "",
        });
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);
        request.Headers.Authorization = new("Bearer", key);
        using var fallbacks = Fallbacks(gateway);

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode); // the primary's own answer, relayed
        Assert.Equal(3, _primary.Calls.Count);
        Assert.Empty(_secondary.Calls);
        Assert.Equal(["openai>backup:refused_client"], Outcomes(fallbacks));
    }

    [Fact]
    public async Task Send_PrimaryFails_FallbackRedactsUnderAnotherPolicy_PrimaryErrorAndNothingSentToIt()
    {
        // The primary lets the e-mail address through (its own allow list); the backup would redact it, so the bytes the
        // primary got must never reach the backup.
        _primary.Default = FaultyProvider.Status(503);
        await using var gateway = await StartAsync(_primary.BaseAddress, new()
        {
            ["Relay:Upstreams:openai:Policy:AllowList:0"] = Pii.Email,
        });
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);
        using var fallbacks = Fallbacks(gateway);

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(Pii.Email, System.Text.Encoding.UTF8.GetString(_primary.Requests[0].Body), StringComparison.Ordinal);
        Assert.Empty(_secondary.Calls);
        Assert.Equal(["openai>backup:refused_policy"], Outcomes(fallbacks));
    }

    [Fact]
    public async Task Send_PrimaryFails_ClientPolicyAppliesToBoth_SecondaryAnswers()
    {
        // A client's own policy is its policy at every upstream: the fallback redacts exactly as the primary did.
        const string key = "sr-client-own-policy-0002";
        _primary.Default = FaultyProvider.Status(500);
        await using var gateway = await StartAsync(_primary.BaseAddress, new()
        {
            ["Relay:Upstreams:openai:Policy:AllowList:0"] = "Contoso",
            ["Relay:Clients:own-policy:KeySha256"] = Security.Keys.Sha256(key),
            ["Relay:Clients:own-policy:Policy:AllowList:0"] = "Fabrikam",
            ["Relay:Routing:Anthropic"] = "",
        });
        using var request = ResilienceFixture.Chat("/v1/chat/completions", stream: false);
        request.Headers.Authorization = new("Bearer", key);
        using var fallbacks = Fallbacks(gateway);

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("upstream:backup", string.Join(',', response.Headers.GetValues("X-Relay-Route")));
        ResilienceFixture.AssertAllSanitizedAndIdentical(_secondary, expectedAttempts: 1);
        Assert.Equal(["openai>backup:taken"], Outcomes(fallbacks));
    }

    private static MetricCollector<long> Fallbacks(GatewayHost gateway) =>
        new(gateway.Services.GetRequiredService<IMeterFactory>(), GatewayDiagnostics.Name, "stealthrelay.gateway.upstream.fallbacks");

    private static List<string> Outcomes(MetricCollector<long> fallbacks) =>
        [.. fallbacks.GetMeasurementSnapshot().Select(m => $"{m.Tags["stealthrelay.upstream"]}>{m.Tags["stealthrelay.fallback"]}:{m.Tags["stealthrelay.outcome"]}")];

    private Task<GatewayHost> StartAsync(Uri primaryBase, Dictionary<string, string?>? extra = null) =>
        ResilienceFixture.StartGatewayAsync(_primary, new Dictionary<string, string?>(extra ?? [])
        {
            ["Relay:Upstreams:openai:BaseUrl"] = new Uri(primaryBase, "/openai").ToString(),
            ["Relay:Upstreams:openai:ApiKey"] = "primary-key",
            ["Relay:Upstreams:openai:Fallback"] = "backup",
            ["Relay:Upstreams:backup:Protocol"] = "OpenAI",
            ["Relay:Upstreams:backup:BaseUrl"] = new Uri(_secondary.BaseAddress, "/openai").ToString(),
            ["Relay:Upstreams:backup:ApiKey"] = "backup-key",
        });
}
