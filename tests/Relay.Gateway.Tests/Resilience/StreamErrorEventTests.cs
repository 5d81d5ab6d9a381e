using System.Text;
using System.Text.Json;
using StealthRelay.Gateway.Resilience;
using StealthRelay.Gateway.Routing;

namespace StealthRelay.Gateway.Tests.Resilience;

public sealed class StreamErrorEventTests
{
    [Fact]
    public void Create_Anthropic_ErrorEventWithApiErrorType()
    {
        var failure = new UpstreamFailure(UpstreamFailureKind.BadResponse, "anthropic", null, ResponseStarted: true);

        var text = Encoding.UTF8.GetString(StreamErrorEvent.Create(ApiFamily.Anthropic, failure.ErrorKind, failure.Message));

        Assert.StartsWith("\n\nevent: error\ndata: ", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text["\n\nevent: error\ndata: ".Length..]);
        Assert.Equal("error", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("api_error", json.RootElement.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public void Create_OpenAI_DataEventWithErrorObjectAndNoDone()
    {
        var failure = new UpstreamFailure(UpstreamFailureKind.Timeout, "openai", null, ResponseStarted: true);

        var text = Encoding.UTF8.GetString(StreamErrorEvent.Create(ApiFamily.OpenAI, failure.ErrorKind, failure.Message));

        Assert.StartsWith("\n\ndata: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text["\n\ndata: ".Length..]);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("server_error", error.GetProperty("type").GetString());
        Assert.Equal("upstream_timeout", error.GetProperty("code").GetString());
        Assert.Contains("'openai'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CreateForResponses_NamedErrorEventWithResponsesFieldsAndChatStyleErrorMember()
    {
        var failure = new UpstreamFailure(UpstreamFailureKind.Timeout, "openai", null, ResponseStarted: true);

        var text = Encoding.UTF8.GetString(StreamErrorEvent.CreateForResponses(failure.ErrorKind, failure.Message));

        Assert.StartsWith("\n\nevent: error\ndata: ", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text["\n\nevent: error\ndata: ".Length..]);
        var root = json.RootElement;
        Assert.Equal("error", root.GetProperty("type").GetString());
        Assert.Equal("upstream_timeout", root.GetProperty("code").GetString());
        Assert.Equal(failure.Message, root.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("param").ValueKind);
        Assert.Equal("server_error", root.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(failure.Message, root.GetProperty("error").GetProperty("message").GetString());
    }
}
