using System.Text.Json;
using StealthRelay.Gateway.Errors;
using StealthRelay.Gateway.Routing;

namespace StealthRelay.Gateway.Tests.Errors;

public sealed class ApiErrorWriterTests
{
    [Fact]
    public void Serialize_OpenAI_HasMessageTypeParamCode()
    {
        var json = JsonDocument.Parse(ApiErrorWriter.Serialize(ApiFamily.OpenAI, ApiErrorKind.RequestTooLarge, "Too big.")).RootElement;

        var error = json.GetProperty("error");
        Assert.Equal("Too big.", error.GetProperty("message").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("param").ValueKind);
        Assert.Equal("request_too_large", error.GetProperty("code").GetString());
        Assert.Single(json.EnumerateObject());
    }

    [Theory]
    [InlineData(400, "invalid_request_error")]
    [InlineData(404, "not_found_error")]
    [InlineData(413, "request_too_large")]
    [InlineData(500, "api_error")]
    [InlineData(503, "overloaded_error")]
    public void Serialize_Anthropic_TypeErrorEnvelope(int status, string type)
    {
        var kind = new[] { ApiErrorKind.InvalidRequest, ApiErrorKind.NotFound, ApiErrorKind.RequestTooLarge, ApiErrorKind.Internal, ApiErrorKind.Overloaded }
            .Single(k => k.StatusCode == status);

        var json = JsonDocument.Parse(ApiErrorWriter.Serialize(ApiFamily.Anthropic, kind, "Fix it.")).RootElement;

        Assert.Equal("error", json.GetProperty("type").GetString());
        Assert.Equal(type, json.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("Fix it.", json.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public void Serialize_MessageWithQuotes_IsValidJson()
    {
        var json = JsonDocument.Parse(ApiErrorWriter.Serialize(ApiFamily.OpenAI, ApiErrorKind.InvalidRequest, "Send {\"text\":\"...\"}")).RootElement;

        Assert.Equal("Send {\"text\":\"...\"}", json.GetProperty("error").GetProperty("message").GetString());
    }
}
