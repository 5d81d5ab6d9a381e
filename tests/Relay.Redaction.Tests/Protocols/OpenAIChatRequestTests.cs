using System.Text.Json;
using StealthRelay.Redaction.Protocols;
using static StealthRelay.Redaction.Tests.Protocols.RequestTestHelpers;

namespace StealthRelay.Redaction.Tests.Protocols;

public class OpenAIChatRequestTests
{
    private const string Body = """
        {"model":"gpt-4o","stream":true,"temperature":0.70,"seed":12345678901234567890, "messages":[
          {"role":"system","content":"You help ann@corp.example"},
          {"role":"developer","content":"Be brief."},
          {"role":"user","name":"ann@corp.example","content":[{"type":"text","text":"Mail bob@corp.example"},{"type":"image_url","image_url":{"url":"data:image/png;base64,YW5uQGNvcnAuZXhhbXBsZQ=="}},{"type":"input_audio","input_audio":{"data":"QUJD","format":"wav"}}]},
          {"role":"assistant","content":null,"refusal":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"send","arguments":"{\"to\":\"bob@corp.example\",\"n\":1.50,\"cc\":[\"ann@corp.example\"],\"bob@corp.example\":true}"}}]},
          {"role":"tool","tool_call_id":"call_1","content":"sent to bob@corp.example"},
          {"role":"assistant","function_call":{"name":"f","arguments":"{\"x\":\"ann@corp.example\"}"}}
        ],"x_unknown":{"a":[1,2,3e5],"s":"ann@corp.example"}}
        """;

    [Fact]
    public async Task RedactAsync_ChatRequest_RedactsEveryTextFieldAndNothingElse()
    {
        var (body, request) = await Redact(Body, ApiShape.OpenAIChatCompletions);
        var expected = Body
            .Replace("You help ann@corp.example", "You help [EMAIL_ADDRESS_1]", StringComparison.Ordinal)
            .Replace("Mail bob@corp.example", "Mail [EMAIL_ADDRESS_2]", StringComparison.Ordinal)
            .Replace("""{\"to\":\"bob@corp.example\",\"n\":1.50,\"cc\":[\"ann@corp.example\"]""", """{\"to\":\"[EMAIL_ADDRESS_2]\",\"n\":1.50,\"cc\":[\"[EMAIL_ADDRESS_1]\"]""", StringComparison.Ordinal)
            .Replace("sent to bob@corp.example", "sent to [EMAIL_ADDRESS_2]", StringComparison.Ordinal)
            .Replace("""{\"x\":\"ann@corp.example\"}""", """{\"x\":\"[EMAIL_ADDRESS_1]\"}""", StringComparison.Ordinal);
        Assert.Equal(expected, body);
        // Left as sent: the name field, the unknown field, and a key inside the arguments.
        Assert.Equal(3, body.Count(c => c == '@'));
        Assert.True(request.Stream);
        Assert.Equal("gpt-4o", request.Model);
        Assert.Equal(6, request.EntityCounts[EntityTypes.EmailAddress]);
        Assert.Equal(2, request.Vault.Count);
    }

    [Theory]
    [InlineData("{'messages':[{'role':'user','content':'fix it'}],'prediction':{'type':'content','content':'mail ann@x.io'}}")]
    [InlineData("{'messages':[{'role':'user','content':'fix it'}],'prediction':{'type':'content','content':[{'type':'text','text':'mail ann@x.io'}]}}")]
    public async Task RedactAsync_PredictedOutput_IsRedacted(string template)
    {
        // Predicted outputs carry the user's own document: as sensitive as the messages.
        var json = Q(template);
        var (body, request) = await Redact(json, ApiShape.OpenAIChatCompletions);
        Assert.Equal(json.Replace("ann@x.io", "[EMAIL_ADDRESS_1]", StringComparison.Ordinal), body);
        Assert.Equal(1, request.EntityCounts[EntityTypes.EmailAddress]);
    }

    [Fact]
    public async Task RedactAsync_PredictionNotAnObject_IsRejected()
    {
        var json = Q("{'messages':[],'prediction':'mail ann@x.io'}");
        await Assert.ThrowsAsync<RedactionException>(() => Redact(json, ApiShape.OpenAIChatCompletions));
    }

    [Fact]
    public async Task RedactAsync_NoPii_ReturnsIdenticalBytes()
    {
        const string json = """{ "model" : "m", "messages" : [ {"role":"user","content":"h\u00e9llo\n 1.0"} ], "n": 1.000 }""";
        var (body, request) = await Redact(json, ApiShape.OpenAIChatCompletions);
        Assert.Equal(json, body);
        Assert.False(request.Stream);
        Assert.Equal(0, request.Vault.Count);
    }

    [Fact]
    public async Task RedactAsync_ArgumentsNotJson_RedactedAsPlainText()
    {
        var json = Q("{'messages':[{'role':'assistant','tool_calls':[{'function':{'name':'f','arguments':'mail bob@x.io {'}}]}]}");
        var (body, _) = await Redact(json, ApiShape.OpenAIChatCompletions);
        Assert.Equal(json.Replace("bob@x.io", "[EMAIL_ADDRESS_1]", StringComparison.Ordinal), body);
    }

    [Fact]
    public async Task RedactAsync_EscapedText_ProducesValidJsonWithSameMeaning()
    {
        const string json = """{"messages":[{"role":"user","content":"Line1\n\"quoted\" \\ caf\u00e9 \ud83d\ude00 ann@x.io\t"}]}""";
        var (body, _) = await Redact(json, ApiShape.OpenAIChatCompletions);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("Line1\n\"quoted\" \\ café 😀 [EMAIL_ADDRESS_1]\t", doc.RootElement.GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public async Task RedactAsync_ResentConversation_KeepsPlaceholders()
    {
        var turn1 = Q("{'messages':[{'role':'user','content':'I am ann@x.io, call 555 010 0199'}]}");
        var turn2 = Q("{'messages':[{'role':'user','content':'I am ann@x.io, call 555 010 0199'},{'role':'assistant','content':'Hi ann@x.io'},{'role':'user','content':'also bob@x.io and ANN@x.io and 555-010-0199'}]}");
        var (body1, _) = await Redact(turn1, ApiShape.OpenAIChatCompletions);
        var (body2, request2) = await Redact(turn2, ApiShape.OpenAIChatCompletions);
        var first1 = JsonDocument.Parse(body1).RootElement.GetProperty("messages")[0].GetProperty("content").GetString();
        var messages2 = JsonDocument.Parse(body2).RootElement.GetProperty("messages");
        Assert.Equal("I am [EMAIL_ADDRESS_1], call [PHONE_NUMBER_1]", first1);
        Assert.Equal(first1, messages2[0].GetProperty("content").GetString());
        Assert.Equal("Hi [EMAIL_ADDRESS_1]", messages2[1].GetProperty("content").GetString());
        Assert.Equal("also [EMAIL_ADDRESS_2] and [EMAIL_ADDRESS_1] and [PHONE_NUMBER_1]", messages2[2].GetProperty("content").GetString());
        Assert.True(request2.Vault.TryGetValue("[EMAIL_ADDRESS_1]", out var ann));
        Assert.Equal("ann@x.io", ann);
    }

    [Fact]
    public async Task RedactAsync_DocumentOrder_DecidesNumberingEvenWhenKeysAreReordered()
    {
        var json = Q("{'messages':[{'tool_calls':[{'function':{'arguments':'{\\'a\\':\\'first@x.io\\'}'}}],'role':'assistant','content':'second@x.io'}]}");
        var (body, _) = await Redact(json, ApiShape.OpenAIChatCompletions);
        Assert.Contains("[EMAIL_ADDRESS_1]\\\"}", body, StringComparison.Ordinal);
        Assert.Contains("'content':'[EMAIL_ADDRESS_2]'".Replace('\'', '"'), body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "JSON")]
    [InlineData("[1,2]", "object")]
    [InlineData("{'messages':{'content':'ann@x.io'}}", "'messages'")]
    [InlineData("{'messages':['ann@x.io']}", "'messages[0]'")]
    [InlineData("{'messages':[{'role':'user','content':5}]}", "'messages[0].content'")]
    [InlineData("{'messages':[{'role':'user','content':{'text':'ann@x.io'}}]}", "'messages[0].content'")]
    [InlineData("{'messages':[{'role':'user','content':[{'type':'text','text':7}]}]}", "'messages[0].content[0].text'")]
    [InlineData("{'messages':[{'role':'user','content':['ann@x.io']}]}", "'messages[0].content[0]'")]
    [InlineData("{'messages':[{'role':'assistant','tool_calls':{}}]}", "'messages[0].tool_calls'")]
    [InlineData("{'messages':[{'role':'assistant','tool_calls':[{'function':{'arguments':{'a':'ann@x.io'}}}]}]}", "'messages[0].tool_calls[0].function.arguments'")]
    [InlineData("{'messages':[{'role':'user','content':'ann@x.io','content':'x'}]}", "repeats")]
    [InlineData("{'messages':[]} trailing", "JSON")]
    public async Task RedactAsync_WrongShape_ThrowsInvalidRequestNamingTheField(string json, string mentions)
    {
        var ex = await Assert.ThrowsAsync<RedactionException>(() => Redact(Q(json), ApiShape.OpenAIChatCompletions));
        Assert.Equal(RedactionFailure.InvalidRequest, ex.Failure);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ann@x.io", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedactAsync_InvalidUtf8InText_ThrowsInvalidRequest()
    {
        byte[] body = [.. "{\"messages\":[{\"role\":\"user\",\"content\":\"ann@x.io "u8, 0xC3, 0x28, .. "\"}]}"u8];
        var ex = await Assert.ThrowsAsync<RedactionException>(() => Engine.Requests.RedactAsync(body, ApiShape.OpenAIChatCompletions, StealthRelay.Redaction.Policy.RedactionPolicy.Default, CancellationToken.None).AsTask());
        Assert.Equal(RedactionFailure.InvalidRequest, ex.Failure);
    }
}
