using Microsoft.Extensions.DependencyInjection;
using System.Text;
using System.Text.Json;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests.Resilience;

/// <summary>Starts the real gateway against a <see cref="FaultyProvider"/> with short, test-sized resilience settings.</summary>
internal static class ResilienceFixture
{
    public static Task<GatewayHost> StartGatewayAsync(
        FaultyProvider provider, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Relay:Upstreams:openai:Protocol"] = "OpenAI",
            ["Relay:Upstreams:openai:BaseUrl"] = new Uri(provider.BaseAddress, "/openai").ToString(),
            ["Relay:Upstreams:anthropic:Protocol"] = "Anthropic",
            ["Relay:Upstreams:anthropic:BaseUrl"] = provider.BaseAddress.ToString(),
            ["Relay:Resilience:ConnectTimeout"] = "00:00:01",
            ["Relay:Resilience:FirstByteTimeout"] = "00:00:02",
            ["Relay:Resilience:TotalTimeout"] = "00:00:05",
            ["Relay:Resilience:StreamIdleTimeout"] = "00:00:02",
            ["Relay:Resilience:MaxRetries"] = "2",
            ["Relay:Resilience:RetryBaseDelay"] = "00:00:00.010",
            ["Relay:Resilience:RetryMaxDelay"] = "00:00:00.050",
            ["Relay:Resilience:MaxRetryAfter"] = "00:00:02",
            ["Relay:Resilience:MinimumThroughput"] = "100",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        return GatewayHost.StartAsync(null, config, services);
    }

    public static HttpRequestMessage Chat(string path, bool stream)
    {
        var body = path == "/v1/responses"
            ? JsonSerializer.Serialize(new { model = "m", stream, input = Pii.Prompt })
            : JsonSerializer.Serialize(new
            {
                model = "m",
                max_tokens = 64,
                stream,
                messages = new[] { new { role = "user", content = Pii.Prompt } },
            });
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (path.StartsWith("/v1/messages", StringComparison.Ordinal))
        {
            request.Headers.Add("anthropic-version", "2023-06-01");
        }

        return request;
    }

    /// <summary>No sample value reached the provider on any attempt, and every attempt carried the same bytes.</summary>
    public static void AssertAllSanitizedAndIdentical(FaultyProvider provider, int expectedAttempts)
    {
        var requests = provider.Requests;
        Assert.Equal(expectedAttempts, requests.Count);
        foreach (var request in requests)
        {
            foreach (var value in Pii.Values)
            {
                Assert.False(request.Contains(value), $"{Pii.Describe(value)} reached the provider");
            }

            Assert.Equal(requests[0].Body, request.Body);
        }
    }
}
