using StealthRelay.Gateway.Routing;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Gateway.Tests.Routing;

public sealed class RelayRouteTableTests
{
    [Theory]
    [InlineData("POST", "/v1/chat/completions", ApiShape.OpenAIChatCompletions)]
    [InlineData("post", "/v1/responses", ApiShape.OpenAIResponses)]
    [InlineData("POST", "/v1/embeddings", ApiShape.OpenAIEmbeddings)]
    [InlineData("POST", "/v1/messages", ApiShape.AnthropicMessages)]
    [InlineData("POST", "/v1/messages/count_tokens", ApiShape.AnthropicCountTokens)]
    public void Match_KnownPost_ReturnsShape(string method, string path, ApiShape shape)
    {
        Assert.Equal(shape, RelayRouteTable.Match(method, path)!.Shape);
    }

    [Fact]
    public void Match_Models_ForwardedWithoutShape()
    {
        var route = RelayRouteTable.Match("GET", "/v1/models")!;

        Assert.Null(route.Shape);
        Assert.Equal(ApiFamily.OpenAI, route.Family);
    }

    [Theory]
    [InlineData("GET", "/v1/chat/completions")]
    [InlineData("POST", "/v1/chat/completions/")]
    [InlineData("POST", "/V1/messages")]
    [InlineData("POST", "/v1/messages/batches")]
    [InlineData("PUT", "/v1/embeddings")]
    [InlineData("POST", "/v1/models")]
    [InlineData("GET", "/v1/models/gpt-4o")]
    public void Match_Unknown_ReturnsNull(string method, string path)
    {
        Assert.Null(RelayRouteTable.Match(method, path));
    }
}
