using System.Text.Json;
using StealthRelay.Redaction.Protocols;
using static StealthRelay.Redaction.Tests.Protocols.RequestTestHelpers;

namespace StealthRelay.Redaction.Tests.Protocols;

public class OtherRequestShapeTests
{
    [Fact]
    public async Task RedactAsync_ResponsesRequest_RedactsInputItemsAndInstructions()
    {
        var json = Q("""
            {'model':'gpt-5','instructions':'Owner ann@x.io','input':[
              {'role':'user','content':'hi from bob@x.io'},
              {'type':'message','role':'user','content':[{'type':'input_text','text':'cc ann@x.io'},{'type':'input_image','image_url':'https://img/bob@x.io.png'}]},
              {'type':'message','role':'assistant','content':[{'type':'output_text','text':'ok bob@x.io','annotations':[]}]},
              {'type':'function_call','call_id':'c1','name':'mail','arguments':'{\'to\':\'cy@x.io\'}'},
              {'type':'function_call_output','call_id':'c1','output':'queued for cy@x.io'},
              {'type':'function_call_output','call_id':'c2','output':[{'type':'input_text','text':'dee@x.io'}]},
              {'type':'reasoning','id':'rs_1','summary':[],'encrypted_content':'gAAA'}
            ],'store':false}
            """);
        var (body, request) = await Redact(json, ApiShape.OpenAIResponses);
        var expected = json
            .Replace("Owner ann@x.io", "Owner [EMAIL_ADDRESS_1]", StringComparison.Ordinal)
            .Replace("hi from bob@x.io", "hi from [EMAIL_ADDRESS_2]", StringComparison.Ordinal)
            .Replace("cc ann@x.io", "cc [EMAIL_ADDRESS_1]", StringComparison.Ordinal)
            .Replace("ok bob@x.io", "ok [EMAIL_ADDRESS_2]", StringComparison.Ordinal)
            .Replace("\\\"cy@x.io\\\"", "\\\"[EMAIL_ADDRESS_3]\\\"", StringComparison.Ordinal)
            .Replace("queued for cy@x.io", "queued for [EMAIL_ADDRESS_3]", StringComparison.Ordinal)
            .Replace("'dee@x.io'".Replace('\'', '"'), "'[EMAIL_ADDRESS_4]'".Replace('\'', '"'), StringComparison.Ordinal);
        Assert.Equal(expected, body);
        Assert.Equal(1, body.Count(c => c == '@')); // the image URL
        Assert.Equal("gpt-5", request.Model);
    }

    [Fact]
    public async Task RedactAsync_ResponsesStringInput_IsRedacted()
    {
        var (body, _) = await Redact(Q("{'input':'to ann@x.io','stream':true}"), ApiShape.OpenAIResponses);
        Assert.Equal(Q("{'input':'to [EMAIL_ADDRESS_1]','stream':true}"), body);
    }

    [Fact]
    public async Task RedactAsync_ResponsesPromptVariables_AreRedacted()
    {
        var json = Q("{'prompt':{'id':'pmpt_1','variables':{'customer':'ann@x.io','doc':{'type':'input_text','text':'bob@x.io'},'img':{'type':'input_image','image_url':'https://x/cy@x.io'}}}}");
        var (body, _) = await Redact(json, ApiShape.OpenAIResponses);
        Assert.Equal(json.Replace("'ann@x.io'".Replace('\'', '"'), "'[EMAIL_ADDRESS_1]'".Replace('\'', '"'), StringComparison.Ordinal).Replace("'bob@x.io'".Replace('\'', '"'), "'[EMAIL_ADDRESS_2]'".Replace('\'', '"'), StringComparison.Ordinal), body);
    }

    [Fact]
    public async Task RedactAsync_AnthropicSearchResult_TitleAndTextAreRedacted()
    {
        var json = Q("{'messages':[{'role':'user','content':[{'type':'search_result','source':'https://kb/1','title':'About ann@x.io','content':[{'type':'text','text':'mail bob@x.io'}]}]}]}");
        var (body, _) = await Redact(json, ApiShape.AnthropicMessages);
        Assert.Equal(json.Replace("About ann@x.io", "About [EMAIL_ADDRESS_1]", StringComparison.Ordinal).Replace("mail bob@x.io", "mail [EMAIL_ADDRESS_2]", StringComparison.Ordinal), body);
    }

    [Theory]
    [InlineData("{'input':'ann@x.io'}", "{'input':'[EMAIL_ADDRESS_1]'}")]
    [InlineData("{'input':['ann@x.io','none','bob@x.io'],'model':'e'}", "{'input':['[EMAIL_ADDRESS_1]','none','[EMAIL_ADDRESS_2]'],'model':'e'}")]
    [InlineData("{'input':[[1,2,3],[4]],'dimensions':256}", "{'input':[[1,2,3],[4]],'dimensions':256}")]
    [InlineData("{'input':[101,2023]}", "{'input':[101,2023]}")]
    public async Task RedactAsync_Embeddings_RedactsStringsOnly(string json, string expected)
    {
        var (body, _) = await Redact(Q(json), ApiShape.OpenAIEmbeddings);
        Assert.Equal(Q(expected), body);
    }

    [Fact]
    public async Task RedactAsync_AnthropicMessages_RedactsBlocksAndKeepsThinkingByteIdentical()
    {
        var json = Q("""
            {'model':'claude-x','max_tokens':1024,'system':[{'type':'text','text':'User is ann@x.io','cache_control':{'type':'ephemeral'}}],
             'messages':[
              {'role':'user','content':'write to bob@x.io'},
              {'role':'assistant','content':[
                {'type':'thinking','thinking':'mail bob@x.io caf\u00e9','signature':'EqQBCkYIAxgC+/='},
                {'type':'redacted_thinking','data':'ann@x.io'},
                {'type':'text','text':'Sure, bob@x.io'},
                {'type':'tool_use','id':'tu_1','name':'send','input':{'to':'bob@x.io','opts':{'cc':['ann@x.io'],'n':1.0},'ann@x.io':'k'}}]},
              {'role':'user','content':[
                {'type':'tool_result','tool_use_id':'tu_1','content':[{'type':'text','text':'sent bob@x.io'},{'type':'image','source':{'type':'base64','media_type':'image/png','data':'QUJD'}}]},
                {'type':'tool_result','tool_use_id':'tu_2','content':'also ann@x.io'},
                {'type':'document','source':{'type':'text','media_type':'text/plain','data':'doc by cy@x.io'}}]}
             ]}
            """);
        var (body, request) = await Redact(json, ApiShape.AnthropicMessages);
        var expected = json
            .Replace("User is ann@x.io", "User is [EMAIL_ADDRESS_1]", StringComparison.Ordinal)
            .Replace("write to bob@x.io", "write to [EMAIL_ADDRESS_2]", StringComparison.Ordinal)
            .Replace("Sure, bob@x.io", "Sure, [EMAIL_ADDRESS_2]", StringComparison.Ordinal)
            .Replace("'to':'bob@x.io'".Replace('\'', '"'), "'to':'[EMAIL_ADDRESS_2]'".Replace('\'', '"'), StringComparison.Ordinal)
            .Replace("['ann@x.io']".Replace('\'', '"'), "['[EMAIL_ADDRESS_1]']".Replace('\'', '"'), StringComparison.Ordinal)
            .Replace("sent bob@x.io", "sent [EMAIL_ADDRESS_2]", StringComparison.Ordinal)
            .Replace("also ann@x.io", "also [EMAIL_ADDRESS_1]", StringComparison.Ordinal)
            .Replace("doc by cy@x.io", "doc by [EMAIL_ADDRESS_3]", StringComparison.Ordinal);
        Assert.Equal(expected, body);
        Assert.Equal(3, body.Count(c => c == '@')); // thinking, redacted_thinking, and a key of the tool input
        Assert.Contains(Q("{'type':'thinking','thinking':'mail bob@x.io caf\\u00e9','signature':'EqQBCkYIAxgC+/='}"), body, StringComparison.Ordinal);
        Assert.Equal("claude-x", request.Model);
    }

    [Fact]
    public async Task RedactAsync_AnthropicCountTokens_UsesMessagesShape()
    {
        var (body, _) = await Redact(Q("{'model':'c','system':'ann@x.io','messages':[{'role':'user','content':'hi'}]}"), ApiShape.AnthropicCountTokens);
        Assert.Equal(Q("{'model':'c','system':'[EMAIL_ADDRESS_1]','messages':[{'role':'user','content':'hi'}]}"), body);
        using var _ = JsonDocument.Parse(body);
    }

    [Theory]
    [InlineData(ApiShape.OpenAIResponses, "{'input':5}", "'input'")]
    [InlineData(ApiShape.OpenAIResponses, "{'input':[{'role':'user','content':7}]}", "'input[0].content'")]
    [InlineData(ApiShape.OpenAIResponses, "{'instructions':{'a':'ann@x.io'}}", "'instructions'")]
    [InlineData(ApiShape.OpenAIResponses, "{'input':[{'type':'function_call','arguments':[1]}]}", "'input[0].arguments'")]
    [InlineData(ApiShape.OpenAIEmbeddings, "{'input':{'a':'ann@x.io'}}", "'input'")]
    [InlineData(ApiShape.OpenAIEmbeddings, "{'input':[{'a':'ann@x.io'}]}", "'input[0]'")]
    [InlineData(ApiShape.AnthropicMessages, "{'system':5}", "'system'")]
    [InlineData(ApiShape.AnthropicMessages, "{'messages':[{'role':'user','content':[5]}]}", "'messages[0].content[0]'")]
    [InlineData(ApiShape.AnthropicMessages, "{'messages':[{'role':'user','content':[{'type':'tool_result','content':3}]}]}", "'messages[0].content[0].content'")]
    [InlineData(ApiShape.AnthropicCountTokens, "{'messages':'ann@x.io'}", "'messages'")]
    public async Task RedactAsync_WrongShape_ThrowsInvalidRequest(ApiShape shape, string json, string mentions)
    {
        var ex = await Assert.ThrowsAsync<RedactionException>(() => Redact(Q(json), shape));
        Assert.Equal(RedactionFailure.InvalidRequest, ex.Failure);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ann@x.io", ex.Message, StringComparison.Ordinal);
    }
}
