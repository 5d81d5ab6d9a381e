using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace StealthRelay.IntegrationTests.LocalRoute;

/// <summary>Small request bodies (few tokens, so the local model answers quickly).</summary>
internal static class Bodies
{
    public const int MaxTokens = 4;

    public static string Chat(string userText, bool stream = false) => JsonSerializer.Serialize(new
    {
        model = "local-test",
        max_tokens = MaxTokens,
        stream,
        messages = new[] { new { role = "user", content = userText } },
    });

    public static string Messages(string userText, string? system = null) => system is null
        ? JsonSerializer.Serialize(new { model = "claude-local", max_tokens = MaxTokens, messages = new[] { new { role = "user", content = userText } } })
        : JsonSerializer.Serialize(new { model = "claude-local", max_tokens = MaxTokens, system, messages = new[] { new { role = "user", content = userText } } });

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string json, string? routeHeader = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (path.StartsWith("/v1/messages", StringComparison.Ordinal))
        {
            request.Headers.Add("anthropic-version", "2023-06-01");
        }

        if (routeHeader is not null)
        {
            request.Headers.Add("X-Relay-Route", routeHeader);
        }

        return await client.SendAsync(request);
    }

    public static string Route(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Relay-Route", out var values) ? string.Join(",", values) : "(none)";
}
