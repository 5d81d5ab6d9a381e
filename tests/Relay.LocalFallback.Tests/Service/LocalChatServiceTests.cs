using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;
using StealthRelay.LocalFallback.Llama;
using StealthRelay.LocalFallback.Service;
using StealthRelay.LocalFallback.Tests.Llama;

namespace StealthRelay.LocalFallback.Tests.Service;

public sealed class LocalChatServiceTests(ModelFixture fixture) : IClassFixture<ModelFixture>, IDisposable
{
    private const string Question = "Tell me a story.";
    private readonly ServiceProvider _provider = ServiceFactory.Build();

    private ILocalChatService Service => _provider.GetRequiredService<ILocalChatService>();

    /// <summary>Prompt tokens the service must report: fallback transcript, BOS added.</summary>
    private int ExpectedPromptTokens =>
        fixture.Model.Tokenize(ChatPromptFormatter.Format(fixture.Model, [new("user", Question)]), true, true).Length;

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task OpenAI_Plain_MaxTokens_ProviderShapeWithLengthAndUsage()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var call = await LocalCall.RunAsync(Service, LocalApi.OpenAIChat, OpenAI(maxTokens: 8));

        Assert.Equal(new LocalResponseHead(200, "application/json", null), call.Head);
        var json = call.Json;
        Assert.Matches("^chatcmpl-[A-Za-z0-9]{29}$", (string)json["id"]!);
        Assert.Equal("chat.completion", (string)json["object"]!);
        Assert.InRange((long)json["created"]!, before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal("local-test", (string)json["model"]!);
        var choice = json["choices"]![0]!;
        Assert.Single(json["choices"]!.AsArray());
        Assert.Equal(0, (int)choice["index"]!);
        Assert.Equal("assistant", (string)choice["message"]!["role"]!);
        Assert.False(string.IsNullOrEmpty((string)choice["message"]!["content"]!));
        Assert.Equal("length", (string)choice["finish_reason"]!);
        Assert.Equal(ExpectedPromptTokens, (int)json["usage"]!["prompt_tokens"]!);
        Assert.Equal(8, (int)json["usage"]!["completion_tokens"]!);
        Assert.Equal(ExpectedPromptTokens + 8, (int)json["usage"]!["total_tokens"]!);
        Assert.Equal(new LocalResult(200, false, ExpectedPromptTokens, 8, "length", false), call.Result);
    }

    [Fact]
    public async Task OpenAI_NoMaxTokens_RunsToEndOfContext()
    {
        // stories260K never samples its end-of-text token (stories are separated by BOS), so without a limit the
        // answer fills the context and finishes with "length".
        using var provider = ServiceFactory.Build(o => o.ContextSize = 48);
        var json = (await LocalCall.RunAsync(provider.GetRequiredService<ILocalChatService>(), LocalApi.OpenAIChat, OpenAI(maxTokens: null))).Json;
        Assert.Equal("length", (string)json["choices"]![0]!["finish_reason"]!);
        Assert.Equal(48 - ExpectedPromptTokens, (int)json["usage"]!["completion_tokens"]!);
    }

    [Fact]
    public async Task OpenAI_Stream_ChunksMatchPlainAnswer()
    {
        var plain = await LocalCall.RunAsync(Service, LocalApi.OpenAIChat, OpenAI(maxTokens: 12));
        var call = await LocalCall.RunAsync(Service, LocalApi.OpenAIChat, OpenAI(maxTokens: 12, stream: true, includeUsage: true));

        Assert.Equal(new LocalResponseHead(200, "text/event-stream; charset=utf-8", null), call.Head);
        var events = call.Events();
        Assert.All(events, e => Assert.Null(e.Event));
        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = events.SkipLast(1).Select(e => JsonNode.Parse(e.Data)!).ToList();
        var id = (string)chunks[0]["id"]!;
        Assert.StartsWith("chatcmpl-", id, StringComparison.Ordinal);
        Assert.All(chunks, c =>
        {
            Assert.Equal(id, (string)c["id"]!);
            Assert.Equal("chat.completion.chunk", (string)c["object"]!);
            Assert.Equal("local-test", (string)c["model"]!);
        });
        Assert.Equal("assistant", (string)chunks[0]["choices"]![0]!["delta"]!["role"]!);
        var contentChunks = chunks.Skip(1).Where(c => c["choices"]!.AsArray().Count == 1 && c["choices"]![0]!["delta"]!["content"] is not null).ToList();
        Assert.All(contentChunks, c => Assert.Null(c["choices"]![0]!["finish_reason"]));
        var text = string.Concat(contentChunks.Select(c => (string)c["choices"]![0]!["delta"]!["content"]!));
        Assert.Equal((string)plain.Json["choices"]![0]!["message"]!["content"]!, text);

        var finish = chunks[^2];
        Assert.Equal("length", (string)finish["choices"]![0]!["finish_reason"]!);
        Assert.Empty(finish["choices"]![0]!["delta"]!.AsObject());
        var usage = chunks[^1];
        Assert.Empty(usage["choices"]!.AsArray());
        Assert.Equal(ExpectedPromptTokens, (int)usage["usage"]!["prompt_tokens"]!);
        Assert.Equal(12, (int)usage["usage"]!["completion_tokens"]!);
        Assert.All(chunks.SkipLast(1), c => Assert.Null(c["usage"]));
        Assert.Equal(new LocalResult(200, true, ExpectedPromptTokens, 12, "length", false), call.Result);
    }

    [Fact]
    public async Task OpenAI_Stream_WithoutIncludeUsage_HasNoUsageChunk()
    {
        var call = await LocalCall.RunAsync(Service, LocalApi.OpenAIChat, OpenAI(maxTokens: 4, stream: true));
        var chunks = call.Events().SkipLast(1).Select(e => JsonNode.Parse(e.Data)!.AsObject()).ToList();
        Assert.All(chunks, c => Assert.False(c.ContainsKey("usage")));
        Assert.Equal("length", (string)chunks[^1]["choices"]![0]!["finish_reason"]!);
    }

    [Fact]
    public async Task OpenAI_StopSequence_CutsOutputAndFinishesWithStop()
    {
        var full = (string)(await LocalCall.RunAsync(Service, LocalApi.OpenAIChat, OpenAI(maxTokens: 40))).Json["choices"]![0]!["message"]!["content"]!;
        var stop = full.Substring(full.Length / 2, 3);
        var request = OpenAI(maxTokens: 40);
        request["stop"] = new JsonArray("never-appears", stop);
        var json = (await LocalCall.RunAsync(Service, LocalApi.OpenAIChat, request)).Json;
        Assert.Equal("stop", (string)json["choices"]![0]!["finish_reason"]!);
        Assert.Equal(full[..full.IndexOf(stop, StringComparison.Ordinal)], (string)json["choices"]![0]!["message"]!["content"]!);
        Assert.InRange((int)json["usage"]!["completion_tokens"]!, 1, 39);
    }

    [Fact]
    public async Task OpenAI_SeededSampling_Reproducible()
    {
        var request = OpenAI(maxTokens: 24);
        request["temperature"] = 1.2;
        request["top_p"] = 0.95;
        request["seed"] = 1234;
        var first = (await LocalCall.RunAsync(Service, LocalApi.OpenAIChat, request)).Json["choices"]![0]!["message"]!["content"]!.ToString();
        var second = (await LocalCall.RunAsync(Service, LocalApi.OpenAIChat, request.DeepClone())).Json["choices"]![0]!["message"]!["content"]!.ToString();
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Anthropic_Plain_MaxTokens_ProviderShape()
    {
        var call = await LocalCall.RunAsync(Service, LocalApi.AnthropicMessages, Anthropic(maxTokens: 6));

        Assert.Equal(new LocalResponseHead(200, "application/json", null), call.Head);
        var json = call.Json;
        Assert.Matches("^msg_[A-Za-z0-9]{24}$", (string)json["id"]!);
        Assert.Equal("message", (string)json["type"]!);
        Assert.Equal("assistant", (string)json["role"]!);
        Assert.Equal("local-test", (string)json["model"]!);
        var block = Assert.Single(json["content"]!.AsArray())!;
        Assert.Equal("text", (string)block["type"]!);
        Assert.False(string.IsNullOrEmpty((string)block["text"]!));
        Assert.Equal("max_tokens", (string)json["stop_reason"]!);
        Assert.Null(json["stop_sequence"]);
        Assert.True(json.AsObject().ContainsKey("stop_sequence"));
        Assert.Equal(ExpectedPromptTokens, (int)json["usage"]!["input_tokens"]!);
        Assert.Equal(6, (int)json["usage"]!["output_tokens"]!);
    }

    [Fact]
    public async Task Anthropic_Stream_EventSequenceMatchesPlainAnswer()
    {
        var plain = await LocalCall.RunAsync(Service, LocalApi.AnthropicMessages, Anthropic(maxTokens: 10));
        var call = await LocalCall.RunAsync(Service, LocalApi.AnthropicMessages, Anthropic(maxTokens: 10, stream: true));

        Assert.Equal(new LocalResponseHead(200, "text/event-stream; charset=utf-8", null), call.Head);
        var events = call.Events();
        var names = events.Select(e => e.Event!).ToList();
        Assert.Equal(["message_start", "content_block_start", "ping"], names.Take(3));
        Assert.Equal(["content_block_stop", "message_delta", "message_stop"], names.TakeLast(3));
        Assert.All(names.Skip(3).SkipLast(3), n => Assert.Equal("content_block_delta", n));
        var data = events.Select(e => JsonNode.Parse(e.Data)!).ToList();
        Assert.All(events.Zip(data), p => Assert.Equal(p.First.Event, (string)p.Second["type"]!));

        var message = data[0]["message"]!;
        Assert.Matches("^msg_[A-Za-z0-9]{24}$", (string)message["id"]!);
        Assert.Empty(message["content"]!.AsArray());
        Assert.Null(message["stop_reason"]);
        Assert.Equal(ExpectedPromptTokens, (int)message["usage"]!["input_tokens"]!);
        Assert.Equal("text", (string)data[1]["content_block"]!["type"]!);
        var deltas = data.Skip(3).SkipLast(3).ToList();
        Assert.All(deltas, d => Assert.Equal("text_delta", (string)d["delta"]!["type"]!));
        Assert.Equal((string)plain.Json["content"]![0]!["text"]!, string.Concat(deltas.Select(d => (string)d["delta"]!["text"]!)));
        Assert.Equal("max_tokens", (string)data[^2]["delta"]!["stop_reason"]!);
        Assert.Null(data[^2]["delta"]!["stop_sequence"]);
        Assert.Equal(10, (int)data[^2]["usage"]!["output_tokens"]!);
    }

    [Fact]
    public async Task Anthropic_StopSequence_ReportsIt()
    {
        var full = (string)(await LocalCall.RunAsync(Service, LocalApi.AnthropicMessages, Anthropic(maxTokens: 40))).Json["content"]![0]!["text"]!;
        var stop = full.Substring(full.Length / 3, 2);
        var request = Anthropic(maxTokens: 40, stream: true);
        request["stop_sequences"] = new JsonArray(stop);
        var call = await LocalCall.RunAsync(Service, LocalApi.AnthropicMessages, request);
        var data = call.Events().Select(e => JsonNode.Parse(e.Data)!).ToList();
        var text = string.Concat(data.Where(d => (string)d["type"]! == "content_block_delta").Select(d => (string)d["delta"]!["text"]!));
        Assert.Equal(full[..full.IndexOf(stop, StringComparison.Ordinal)], text);
        Assert.Equal("stop_sequence", (string)data[^2]["delta"]!["stop_reason"]!);
        Assert.Equal(stop, (string)data[^2]["delta"]!["stop_sequence"]!);
        Assert.Equal("stop_sequence", call.Result.FinishReason);
    }

    [Fact]
    public async Task Anthropic_SystemPrompt_CountsTowardInput()
    {
        var request = Anthropic(maxTokens: 2);
        request["system"] = "You tell short stories.";
        var json = (await LocalCall.RunAsync(Service, LocalApi.AnthropicMessages, request)).Json;
        var expected = fixture.Model.Tokenize(
            ChatPromptFormatter.Format(fixture.Model, [new("system", "You tell short stories."), new("user", Question)]), true, true).Length;
        Assert.Equal(expected, (int)json["usage"]!["input_tokens"]!);
    }

    [Fact]
    public async Task Anthropic_MissingMaxTokens_400InAnthropicShape()
    {
        var request = Anthropic(maxTokens: 1);
        request.Remove("max_tokens");
        var call = await LocalCall.RunAsync(Service, LocalApi.AnthropicMessages, request);
        Assert.Equal(400, call.Head!.Value.StatusCode);
        Assert.Equal("error", (string)call.Json["type"]!);
        Assert.Equal("invalid_request_error", (string)call.Json["error"]!["type"]!);
        Assert.Contains("max_tokens", (string)call.Json["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAI_InvalidJson_400InOpenAIShape()
    {
        var stream = new MemoryStream();
        LocalResponseHead? head = null;
        var result = await Service.HandleAsync(LocalApi.OpenAIChat, "{not json"u8.ToArray(), stream, h => head = h, CancellationToken.None);
        Assert.Equal(400, head!.Value.StatusCode);
        Assert.Equal(400, result.StatusCode);
        var json = JsonNode.Parse(stream.ToArray())!;
        Assert.Equal("invalid_request_error", (string)json["error"]!["type"]!);
        Assert.True(json["error"]!.AsObject().ContainsKey("code"));
    }

    [Fact]
    public async Task OpenAI_ImageContent_400TextOnly()
    {
        var request = OpenAI(maxTokens: 4);
        request["messages"] = JsonNode.Parse("""[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:,"}}]}]""");
        var call = await LocalCall.RunAsync(Service, LocalApi.OpenAIChat, request);
        Assert.Equal(400, call.Head!.Value.StatusCode);
        Assert.Equal("messages.content", (string)call.Json["error"]!["param"]!);
    }

    [Fact]
    public async Task PromptLongerThanContext_400InEachShape()
    {
        using var provider = ServiceFactory.Build(o => o.ContextSize = 32);
        var service = provider.GetRequiredService<ILocalChatService>();
        var longText = string.Join(' ', Enumerable.Repeat("The little dog ran in the park.", 20));

        var openAI = OpenAI(maxTokens: 4);
        openAI["messages"]![0]!["content"] = longText;
        var call = await LocalCall.RunAsync(service, LocalApi.OpenAIChat, openAI);
        Assert.Equal(400, call.Head!.Value.StatusCode);
        Assert.Equal("context_length_exceeded", (string)call.Json["error"]!["code"]!);
        Assert.Contains("32 tokens", (string)call.Json["error"]!["message"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("little dog", call.Body, StringComparison.Ordinal);

        var anthropic = Anthropic(maxTokens: 4);
        anthropic["messages"]![0]!["content"] = longText;
        call = await LocalCall.RunAsync(service, LocalApi.AnthropicMessages, anthropic);
        Assert.Equal(400, call.Head!.Value.StatusCode);
        Assert.Equal("invalid_request_error", (string)call.Json["error"]!["type"]!);
        Assert.StartsWith("prompt is too long", (string)call.Json["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_FourRequestsOnTwoContexts_AllSucceedWithSameGreedyText()
    {
        using var provider = ServiceFactory.Build(o => o.MaxConcurrency = 2);
        var service = provider.GetRequiredService<ILocalChatService>();
        var calls = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            LocalCall.RunAsync(service, i % 2 == 0 ? LocalApi.OpenAIChat : LocalApi.AnthropicMessages,
                i % 2 == 0 ? OpenAI(maxTokens: 16) : Anthropic(maxTokens: 16)))));
        Assert.All(calls, c => Assert.Equal(200, c.Result.StatusCode));
        var texts = calls.Select(c => c.Json["choices"]?[0]?["message"]?["content"]?.ToString() ?? c.Json["content"]![0]!["text"]!.ToString()).ToList();
        Assert.Single(texts.Distinct());
    }

    [Fact]
    public async Task Cancellation_MidStream_StopsAndContextIsReusedClean()
    {
        using var provider = ServiceFactory.Build(o => o.MaxConcurrency = 1);
        var service = provider.GetRequiredService<ILocalChatService>();
        using var cts = new CancellationTokenSource();
        var body = new CallbackStream(writes => writes == 4, cts.Cancel);

        var cancelled = await LocalCall.RunAsync(service, LocalApi.OpenAIChat, OpenAI(maxTokens: 200, stream: true), body, cts.Token);
        Assert.True(cancelled.Result.Cancelled);
        Assert.Equal(499, cancelled.Result.StatusCode);
        // Generation stopped promptly: at most the stream buffer ran ahead of the 4 events the client took.
        Assert.InRange(cancelled.Result.CompletionTokens, 1, 4 + LocalChatService.StreamBufferDeltas + 2);

        var after = await LocalCall.RunAsync(service, LocalApi.OpenAIChat, OpenAI(maxTokens: 16));
        var fresh = await LocalCall.RunAsync(Service, LocalApi.OpenAIChat, OpenAI(maxTokens: 16));
        Assert.Equal(
            (string)fresh.Json["choices"]![0]!["message"]!["content"]!,
            (string)after.Json["choices"]![0]!["message"]!["content"]!);
    }

    [Fact]
    public async Task Cancellation_BeforeAnythingWritten_ReturnsCancelledWithoutHead()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var call = await LocalCall.RunAsync(Service, LocalApi.AnthropicMessages, Anthropic(maxTokens: 50), cancellationToken: cts.Token);
        Assert.True(call.Result.Cancelled);
        Assert.Null(call.Head);
        Assert.Equal(string.Empty, call.Body);
    }

    [Fact]
    public async Task QueueFull_Returns429WithRetryAfter_ThenRecovers()
    {
        using var provider = ServiceFactory.Build(o =>
        {
            o.MaxConcurrency = 1;
            o.QueueLimit = 0;
            o.RetryAfterSeconds = 3;
        });
        var service = provider.GetRequiredService<ILocalChatService>();
        var blocking = new BlockingStream();
        var first = LocalCall.RunAsync(service, LocalApi.OpenAIChat, OpenAI(maxTokens: 8, stream: true), blocking);
        await blocking.FirstWrite;

        var refused = await LocalCall.RunAsync(service, LocalApi.OpenAIChat, OpenAI(maxTokens: 8));
        Assert.Equal(new LocalResponseHead(429, "application/json", 3), refused.Head);
        Assert.Equal("rate_limit_exceeded", (string)refused.Json["error"]!["code"]!);
        var refusedAnthropic = await LocalCall.RunAsync(service, LocalApi.AnthropicMessages, Anthropic(maxTokens: 8));
        Assert.Equal(429, refusedAnthropic.Head!.Value.StatusCode);
        Assert.Equal("rate_limit_error", (string)refusedAnthropic.Json["error"]!["type"]!);

        blocking.Release();
        Assert.Equal(200, (await first).Result.StatusCode);
        var afterwards = await LocalCall.RunAsync(service, LocalApi.OpenAIChat, OpenAI(maxTokens: 8));
        Assert.Equal(200, afterwards.Head!.Value.StatusCode);
    }

    [Fact]
    public void AddLocalFallback_NoModelNorEndpoint_ValidationFails()
    {
        var services = new ServiceCollection();
        services.AddLocalFallback(o => o.ContextSize = 0);
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LocalOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("ModelPath", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ContextSize", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("http://127.0.0.1:9/", true)]
    public void AddLocalFallback_EndpointServesAnthropic_NeedsAnEndpoint(string? endpoint, bool valid)
    {
        var services = new ServiceCollection();
        services.AddLocalFallback(o =>
        {
            o.Endpoint = endpoint is null ? null : new Uri(endpoint);
            o.ModelPath = endpoint is null ? typeof(LocalChatServiceTests).Assembly.Location : null; // any existing file
            o.EndpointServesAnthropic = true;
        });
        using var provider = services.BuildServiceProvider();

        var error = Record.Exception(() => provider.GetRequiredService<IOptions<LocalOptions>>().Value);

        Assert.Equal(valid, error is null);
        if (!valid)
        {
            Assert.Contains(Assert.IsType<OptionsValidationException>(error).Failures, f => f.Contains("EndpointServesAnthropic", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task EndpointOnly_NoInProcessModel_503()
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        services.AddLocalFallback(o => o.Endpoint = new Uri("http://127.0.0.1:8080/"));
        using var provider = services.BuildServiceProvider();
        var call = await LocalCall.RunAsync(provider.GetRequiredService<ILocalChatService>(), LocalApi.OpenAIChat, OpenAI(maxTokens: 4));
        Assert.Equal(503, call.Head!.Value.StatusCode);
        Assert.Equal("server_error", (string)call.Json["error"]!["type"]!);
    }

    [Fact]
    public async Task ModelThatFailsToLoad_503WithRetryAfter_AndNoNewTryBeforeLoadRetrySeconds()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging());
        services.AddSingleton<TimeProvider>(time);
        services.AddLocalFallback(o =>
        {
            o.ModelPath = typeof(LocalChatServiceTests).Assembly.Location; // exists, but llama.cpp refuses it
            o.LoadRetrySeconds = 30;
        });
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<ILocalChatService>();
        var logs = provider.GetFakeLogCollector();
        int LoadTries() => logs.GetSnapshot().Count(r => r.Id.Id == 3011);

        var first = await LocalCall.RunAsync(service, LocalApi.OpenAIChat, OpenAI(maxTokens: 4));
        time.Advance(TimeSpan.FromSeconds(10));
        var deferred = await LocalCall.RunAsync(service, LocalApi.AnthropicMessages, Anthropic(maxTokens: 4));

        Assert.Equal((503, 30), (first.Head!.Value.StatusCode, first.Head.Value.RetryAfterSeconds));
        Assert.Equal((503, 20), (deferred.Head!.Value.StatusCode, deferred.Head.Value.RetryAfterSeconds));
        Assert.Equal("api_error", (string)deferred.Json["error"]!["type"]!);
        Assert.Equal(1, LoadTries());

        time.Advance(TimeSpan.FromSeconds(20));
        var retried = await LocalCall.RunAsync(service, LocalApi.OpenAIChat, OpenAI(maxTokens: 4));

        Assert.Equal(503, retried.Head!.Value.StatusCode);
        Assert.Equal(2, LoadTries());
    }

    private static JsonObject OpenAI(int? maxTokens, bool stream = false, bool includeUsage = false)
    {
        var request = new JsonObject
        {
            ["model"] = "local-test",
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = Question }),
            ["temperature"] = 0,
            ["stream"] = stream,
        };
        if (maxTokens is { } max)
        {
            request["max_completion_tokens"] = max;
        }

        if (includeUsage)
        {
            request["stream_options"] = new JsonObject { ["include_usage"] = true };
        }

        return request;
    }

    private static JsonObject Anthropic(int maxTokens, bool stream = false) => new()
    {
        ["model"] = "local-test",
        ["max_tokens"] = maxTokens,
        ["messages"] = new JsonArray(new JsonObject
        {
            ["role"] = "user",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = Question }),
        }),
        ["temperature"] = 0,
        ["stream"] = stream,
    };
}
