using System.Net;
using System.Text;
using System.Text.Json;
using StealthRelay.IntegrationTests.Infrastructure;
using StealthRelay.IntegrationTests.LocalRoute;

namespace StealthRelay.IntegrationTests.Observability;

/// <summary>
/// Anthropic messages translated for an OpenAI-only local endpoint leave no content in logs, spans or metrics:
/// plain and streamed answers, the endpoint's refusal quoting the prompt, an answer that is not a chat completion and
/// a stream broken off. Every log category at Trace.
/// </summary>
[Collection(TelemetryCaptureSerial.Name)]
public sealed class LocalEndpointTelemetryTests
{
    [Fact]
    public async Task TranslatedMessages_CanariesInPromptAndAnswer_NoCanaryAnywhere()
    {
        await using var provider = await FakeProvider.StartAsync();
        await using var endpoint = await FakeOpenAIEndpoint.StartAsync();
        endpoint.Text = "Sure, " + Canaries.UpstreamEcho + " and " + Canaries.Email;
        var capture = new TelemetryCapture();
        var settings = new Dictionary<string, string?>(TelemetryCapture.VerboseLogging) { ["Relay:Local:Endpoint"] = endpoint.BaseAddress.ToString() };
        await using var gateway = await GatewayHost.StartAsync(provider, settings, capture.Install);
        var personal = $"I am {Canaries.Person}, mail {Canaries.Email}, call {Canaries.Phone}, card {Canaries.Card}, token {Canaries.Secret}.";

        Assert.Contains(Canaries.UpstreamEcho, await PostAsync(gateway, personal, stream: false, HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.Contains("text_delta", await PostAsync(gateway, personal, stream: true, HttpStatusCode.OK), StringComparison.Ordinal);

        endpoint.Status = 400; // its error quotes the prompt
        await PostAsync(gateway, personal, stream: false, HttpStatusCode.BadRequest);
        endpoint.Status = null;
        endpoint.RawAnswer = "<html>" + Canaries.UpstreamEcho + " " + Canaries.Email + "</html>";
        await PostAsync(gateway, personal, stream: false, HttpStatusCode.BadGateway);
        endpoint.RawAnswer = null;
        endpoint.BreakOffAfterFirstChunk = true;
        Assert.Contains("event: error", await PostAsync(gateway, personal, stream: true, HttpStatusCode.OK), StringComparison.Ordinal);
        capture.Flush(gateway.Services);

        // The capture did see the traffic (so an empty capture cannot pass) ...
        Assert.Contains(capture.Spans, s => s.Source.Name == "System.Net.Http");
        Assert.Contains(capture.Logs.Entries, e => e.Contains("(1103 ServedLocally)", StringComparison.Ordinal));
        Assert.Contains(capture.Logs.Entries, e => e.Contains("(1107 LocalEndpointTranslationFailed)", StringComparison.Ordinal));
        Assert.Equal(5, endpoint.Requests.Count);
        Assert.Empty(provider.Requests);
        // ... and no canary is in any of it.
        var leaks = capture.Leaks();
        Assert.True(leaks.Count == 0, "Canaries found in telemetry:\n" + string.Join('\n', leaks));
    }

    private static async Task<string> PostAsync(GatewayHost gateway, string personal, bool stream, HttpStatusCode expected)
    {
        var body = JsonSerializer.Serialize(new
        {
            model = "local-" + Canaries.Anthropic,
            max_tokens = 16,
            stream,
            system = "SECRET//NOFORN " + Canaries.System,
            messages = new[] { new { role = "user", content = Canaries.Anthropic + " " + personal } },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("anthropic-version", "2023-06-01");
        request.Headers.Add("x-api-key", Canaries.Header);
        using var response = await gateway.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return text;
    }
}
