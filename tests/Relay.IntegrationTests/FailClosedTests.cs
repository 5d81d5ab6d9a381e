using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StealthRelay.IntegrationTests.Infrastructure;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.IntegrationTests;

/// <summary>When detection fails or times out, the request is refused and the provider receives nothing.</summary>
public sealed class FailClosedTests : IAsyncLifetime
{
    private FakeProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    private static StringContent ChatBody() => new(
        JsonSerializer.Serialize(new { model = "gpt-4o-mini", messages = new[] { new { role = "user", content = Pii.Prompt } } }),
        Encoding.UTF8, "application/json");

    private static StringContent MessagesBody() => new(
        JsonSerializer.Serialize(new { model = "claude-sonnet-4-5", max_tokens = 16, messages = new[] { new { role = "user", content = Pii.Prompt } } }),
        Encoding.UTF8, "application/json");

    [Fact]
    public async Task AnalyzerThrows_Returns500_NothingForwarded()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider,
            services: s => s.AddSingleton<IPiiAnalyzer>(new ThrowingAnalyzer(new InvalidOperationException("model crashed"))));

        using var openAI = await gateway.Client.PostAsync("/v1/chat/completions", ChatBody());
        using var anthropic = await gateway.Client.PostAsync("/v1/messages", MessagesBody());

        Assert.Equal(HttpStatusCode.InternalServerError, openAI.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, anthropic.StatusCode);
        var openAIBody = await openAI.Content.ReadAsStringAsync();
        var anthropicBody = await anthropic.Content.ReadAsStringAsync();
        Assert.Equal("server_error", JsonDocument.Parse(openAIBody).RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("api_error", JsonDocument.Parse(anthropicBody).RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.DoesNotContain(Pii.Email, openAIBody, StringComparison.Ordinal);
        Assert.DoesNotContain("model crashed", openAIBody, StringComparison.Ordinal);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task AnalyzerTimesOut_Returns503_NothingForwarded()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider,
            services: s => s.AddSingleton<IPiiAnalyzer>(new ThrowingAnalyzer(new RedactionException(RedactionFailure.Timeout, "Detection timed out."))));

        using var openAI = await gateway.Client.PostAsync("/v1/chat/completions", ChatBody());
        using var anthropic = await gateway.Client.PostAsync("/v1/messages", MessagesBody());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, openAI.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, anthropic.StatusCode);
        Assert.Equal("overloaded_error", JsonDocument.Parse(await anthropic.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("upstream:openai", openAI.Headers.GetValues("X-Relay-Route").Single());
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task AnalyzerThrows_StreamedRequest_NothingForwarded()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider,
            services: s => s.AddSingleton<IPiiAnalyzer>(new ThrowingAnalyzer(new InvalidOperationException("boom"))));
        var body = new StringContent(
            JsonSerializer.Serialize(new { model = "gpt-4o-mini", stream = true, messages = new[] { new { role = "user", content = Pii.Prompt } } }),
            Encoding.UTF8, "application/json");

        using var response = await gateway.Client.PostAsync("/v1/chat/completions", body);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task RecognizerThrows_RealAnalyzer_Returns500_NothingForwarded()
    {
        await using var gateway = await GatewayHost.StartAsync(_provider,
            services: s => s.AddSingleton<IRecognizer, ThrowingRecognizer>());

        using var openAI = await gateway.Client.PostAsync("/v1/chat/completions", ChatBody());
        using var anthropic = await gateway.Client.PostAsync("/v1/messages", MessagesBody());

        Assert.Equal(HttpStatusCode.InternalServerError, openAI.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, anthropic.StatusCode);
        Assert.Empty(_provider.Requests);
    }

    [Fact]
    public async Task RecognizerHangs_RealAnalyzerTimeout_Returns503_NothingForwarded()
    {
        using var release = new ManualResetEventSlim();
        await using var gateway = await GatewayHost.StartAsync(_provider,
            new Dictionary<string, string?> { ["Relay:Redaction:DetectionTimeout"] = "00:00:00.200" },
            services: s => s.AddSingleton<IRecognizer>(new HangingRecognizer(release)));
        try
        {
            using var response = await gateway.Client.PostAsync("/v1/messages", MessagesBody());

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("overloaded_error", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("type").GetString());
            Assert.Empty(_provider.Requests);
        }
        finally
        {
            release.Set();
        }
    }

    /// <summary>A recognizer that crashes on every text.</summary>
    private sealed class ThrowingRecognizer : IRecognizer
    {
        public IReadOnlyList<string> SupportedEntities { get; } = ["CUSTOM"];

        public IReadOnlyList<string> Context { get; } = [];

        public void Analyze(string text, List<EntitySpan> results) => throw new InvalidOperationException("recognizer bug");
    }

    /// <summary>A recognizer that blocks until released (or 30 s), longer than the configured detection timeout.</summary>
    private sealed class HangingRecognizer(ManualResetEventSlim release) : IRecognizer
    {
        public IReadOnlyList<string> SupportedEntities { get; } = ["CUSTOM"];

        public IReadOnlyList<string> Context { get; } = [];

        public void Analyze(string text, List<EntitySpan> results) => release.Wait(TimeSpan.FromSeconds(30));
    }

    /// <summary>A detector that always fails: stands in for a crashed or hung model, which cannot be produced on demand.</summary>
    private sealed class ThrowingAnalyzer(Exception exception) : IPiiAnalyzer
    {
        public ValueTask<IReadOnlyList<IReadOnlyList<EntitySpan>>> AnalyzeAsync(
            IReadOnlyList<string> texts, RedactionPolicy policy, CancellationToken cancellationToken) =>
            ValueTask.FromException<IReadOnlyList<IReadOnlyList<EntitySpan>>>(exception);
    }
}
