using System.ClientModel;
using System.Text;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Models;
using OpenAI.Responses;
using StealthRelay.Gateway.Echo;
using StealthRelay.IntegrationTests.Infrastructure;

namespace StealthRelay.IntegrationTests;

/// <summary>The official OpenAI .NET SDK against the gateway, which forwards to a recording fake provider.</summary>
public sealed class OpenAIEndpointsTests : SdkRoundTripTests
{
    private const string Model = "gpt-4o-mini";
    private OpenAIClientOptions Options => new() { Endpoint = new Uri(Gateway.BaseAddress, "/v1"), RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0) };

    [Fact]
    public async Task CompleteChat_Plain_NoPiiReachesProviderAndClientGetsOwnText()
    {
        var client = new ChatClient(Model, new ApiKeyCredential("client-key"), Options);

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage(Pii.Prompt)]);

        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, completion.Content[0].Text);
        Pii.AssertNoneReached(Provider);
        var received = Provider.Single();
        Assert.Equal("/openai/v1/chat/completions", received.Path);
        Assert.Contains("[EMAIL_ADDRESS_1]", received.DecodedStrings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteChatStreaming_TinyChunks_ClientGetsOwnTextByteForByte()
    {
        var client = new ChatClient(Model, new ApiKeyCredential("client-key"), Options);
        var text = new StringBuilder();

        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(Pii.Prompt)]))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, text.ToString());
        Pii.AssertNoneReached(Provider);
    }

    [Fact]
    public async Task CompleteChat_ToolCall_ArgumentsRoundTrip()
    {
        var client = new ChatClient(Model, new ApiKeyCredential("client-key"), Options);
        var options = new ChatCompletionOptions
        {
            Tools = { ChatTool.CreateFunctionTool("lookup_customer", "Finds a customer", BinaryData.FromString("""{"type":"object","properties":{"text":{"type":"string"}}}""")) },
        };

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage(Pii.Prompt)], options);

        var call = Assert.Single(completion.ToolCalls);
        Assert.Equal("lookup_customer", call.FunctionName);
        using var arguments = JsonDocument.Parse(call.FunctionArguments);
        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, arguments.RootElement.GetProperty("text").GetString());
        Pii.AssertNoneReached(Provider);
    }

    [Fact]
    public async Task CompleteChatStreaming_ToolCall_ArgumentsRoundTrip()
    {
        var client = new ChatClient(Model, new ApiKeyCredential("client-key"), Options);
        var options = new ChatCompletionOptions
        {
            Tools = { ChatTool.CreateFunctionTool("lookup_customer", "Finds a customer", BinaryData.FromString("""{"type":"object","properties":{"text":{"type":"string"}}}""")) },
        };
        var arguments = new StringBuilder();

        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage(Pii.Prompt)], options))
        {
            foreach (var call in update.ToolCallUpdates)
            {
                arguments.Append(call.FunctionArgumentsUpdate?.ToString());
            }
        }

        using var json = JsonDocument.Parse(arguments.ToString());
        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, json.RootElement.GetProperty("text").GetString());
        Pii.AssertNoneReached(Provider);
    }

#pragma warning disable OPENAI001 // Responses API is marked experimental in the SDK.
    [Fact]
    public async Task CreateResponse_Plain_ClientGetsOwnText()
    {
        var client = new ResponsesClient(new ApiKeyCredential("client-key"), new ResponsesClientOptions { Endpoint = new Uri(Gateway.BaseAddress, "/v1") });

        ResponseResult response = await client.CreateResponseAsync(new CreateResponseOptions(Model, [ResponseItem.CreateUserMessageItem(Pii.Prompt)]));

        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, response.GetOutputText());
        Pii.AssertNoneReached(Provider);
        Assert.Equal("/openai/v1/responses", Provider.Single().Path);
    }

    [Fact]
    public async Task CreateResponseStreaming_TinyChunks_ClientGetsOwnText()
    {
        var client = new ResponsesClient(new ApiKeyCredential("client-key"), new ResponsesClientOptions { Endpoint = new Uri(Gateway.BaseAddress, "/v1") });
        var text = new StringBuilder();

        var options = new CreateResponseOptions(Model, [ResponseItem.CreateUserMessageItem(Pii.Prompt)]) { StreamingEnabled = true };

        await foreach (var update in await client.CreateResponseStreamingAsync(options))
        {
            if (update is StreamingResponseOutputTextDeltaUpdate delta)
            {
                text.Append(delta.Delta);
            }
        }

        Assert.Equal(EchoProtocol.Prefix + Pii.Prompt, text.ToString());
        Pii.AssertNoneReached(Provider);
    }
#pragma warning restore OPENAI001

    [Fact]
    public async Task GenerateEmbeddings_InputsRedactedBeforeForwarding()
    {
        var client = new EmbeddingClient("text-embedding-3-small", new ApiKeyCredential("client-key"), Options);

        var result = await client.GenerateEmbeddingsAsync([Pii.Prompt, "Second " + Pii.Email]);

        Assert.Equal(2, result.Value.Count);
        Pii.AssertNoneReached(Provider);
        Assert.Equal("/openai/v1/embeddings", Provider.Single().Path);
    }

    [Fact]
    public async Task GetModels_ForwardedAsIs()
    {
        var client = new OpenAIModelClient(new ApiKeyCredential("client-key"), Options);

        var models = await client.GetModelsAsync();

        Assert.Contains(models.Value, m => m.Id == "echo");
        var received = Provider.Single();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/openai/v1/models", received.Path);
        Assert.Equal("Bearer client-key", received.Header("Authorization"));
    }

    [Fact]
    public async Task ChatCompletions_UpstreamError_PassesThroughRestored()
    {
        var body = JsonSerializer.Serialize(new { model = "provider-error", messages = new[] { new { role = "user", content = Pii.Prompt } } });

        using var response = await Gateway.Client.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Provider rejected: " + Pii.Prompt, json.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("upstream:openai", response.Headers.GetValues("X-Relay-Route").Single());
        Pii.AssertNoneReached(Provider);
    }
}
