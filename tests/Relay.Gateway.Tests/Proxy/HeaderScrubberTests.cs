using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Proxy;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Gateway.Tests.Proxy;

public sealed class HeaderScrubberTests
{
    private static HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.openai.com/v1/chat/completions") { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("Forwarded", "for=192.0.2.1");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "192.0.2.1");
        request.Headers.TryAddWithoutValidation("x-forwarded-proto", "https");
        request.Headers.TryAddWithoutValidation("X-Real-IP", "192.0.2.1");
        request.Headers.TryAddWithoutValidation("Cookie", "a=b");
        request.Headers.TryAddWithoutValidation("Via", "1.1 proxy");
        request.Headers.TryAddWithoutValidation("X-Relay-Route", "spoofed");
        request.Headers.TryAddWithoutValidation("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        request.Headers.TryAddWithoutValidation("User-Agent", "CorpApp/1.0");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer client");
        request.Headers.TryAddWithoutValidation("anthropic-version", "2023-06-01");
        return request;
    }

    [Fact]
    public void Scrub_MetadataHeaders_Removed()
    {
        using var request = Request();

        HeaderScrubber.Scrub(request);

        var names = request.Headers.Select(h => h.Key).ToList();
        Assert.DoesNotContain(names, n => HeaderScrubber.IsScrubbed(n));
        Assert.Equal(["Authorization", "User-Agent", "anthropic-version"], names.Order(StringComparer.Ordinal));
        Assert.Equal(HeaderScrubber.UserAgent, request.Headers.UserAgent.ToString());
    }

    [Theory]
    [InlineData("X-Forwarded-Host", true)]
    [InlineData("x-relay-anything", true)]
    [InlineData("COOKIE", true)]
    [InlineData("Authorization", false)]
    [InlineData("x-api-key", false)]
    [InlineData("OpenAI-Beta", false)]
    [InlineData("X-Forward", false)]
    public void IsScrubbed_Names_MatchCaseInsensitively(string name, bool expected)
    {
        Assert.Equal(expected, HeaderScrubber.IsScrubbed(name));
    }

    private static Upstream Upstream(UpstreamProtocol protocol, string? key) =>
        new("u", protocol, "https://x", key, RedactionPolicy.Default, new HttpMessageInvoker(new HttpClientHandler()));

    [Fact]
    public void ApplyCredentials_OpenAIKey_ReplacesClientBearer()
    {
        using var request = Request();
        request.Headers.TryAddWithoutValidation("x-api-key", "client");

        RelayTransformer.ApplyCredentials(request, Upstream(UpstreamProtocol.OpenAI, "gw"));

        Assert.Equal("Bearer gw", request.Headers.Authorization!.ToString());
        Assert.False(request.Headers.Contains("x-api-key"));
    }

    [Fact]
    public void ApplyCredentials_AnthropicKey_SetsXApiKeyAndDropsBearer()
    {
        using var request = Request();

        RelayTransformer.ApplyCredentials(request, Upstream(UpstreamProtocol.Anthropic, "gw"));

        Assert.Equal("gw", request.Headers.GetValues("x-api-key").Single());
        Assert.Null(request.Headers.Authorization);
    }

    [Fact]
    public void ApplyCredentials_NoKey_ClientCredentialsPassThrough()
    {
        using var request = Request();

        RelayTransformer.ApplyCredentials(request, Upstream(UpstreamProtocol.OpenAI, null));

        Assert.Equal("Bearer client", request.Headers.Authorization!.ToString());
    }
}
