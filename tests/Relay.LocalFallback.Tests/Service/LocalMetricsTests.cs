using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Tests.Service;

public sealed class LocalMetricsTests
{
    [Fact]
    public async Task HandleAsync_Answered_CountsRequestAndTokens()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddLocalFallback(o =>
        {
            o.ModelPath = TestModel.Path;
            o.ContextSize = 128;
            o.Threads = 1;
        });
        using var provider = services.BuildServiceProvider();
        var meterFactory = provider.GetRequiredService<IMeterFactory>();
        using var requests = new MetricCollector<long>(meterFactory, LocalMetrics.MeterName, "stealthrelay.local.requests");
        using var tokens = new MetricCollector<long>(meterFactory, LocalMetrics.MeterName, "stealthrelay.local.tokens");
        var service = provider.GetRequiredService<ILocalChatService>();

        var request = new JsonObject
        {
            ["model"] = "m",
            ["max_tokens"] = 3,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Hi" }),
        };
        var call = await LocalCall.RunAsync(service, LocalApi.AnthropicMessages, request);
        request.Remove("max_tokens");
        await LocalCall.RunAsync(service, LocalApi.AnthropicMessages, request);

        Assert.Equal(2, requests.GetMeasurementSnapshot().Count);
        var ok = Assert.Single(requests.GetMeasurementSnapshot(), m => (string?)m.Tags["outcome"] == "ok");
        Assert.Equal("anthropic", ok.Tags["api"]);
        Assert.Single(requests.GetMeasurementSnapshot(), m => (string?)m.Tags["outcome"] == "invalid");
        Assert.Equal(call.Result.PromptTokens, Assert.Single(tokens.GetMeasurementSnapshot(), m => (string?)m.Tags["direction"] == "prompt").Value);
        Assert.Equal(3, Assert.Single(tokens.GetMeasurementSnapshot(), m => (string?)m.Tags["direction"] == "completion").Value);
    }
}
