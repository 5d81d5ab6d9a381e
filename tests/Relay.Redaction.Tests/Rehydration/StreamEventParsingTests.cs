using System.Text;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;
using static StealthRelay.Redaction.Tests.Rehydration.SseTestHelpers;

namespace StealthRelay.Redaction.Tests.Rehydration;

/// <summary>
/// How the stream restorers read an event's JSON: names and type values are compared after unescaping, and an
/// event the strict parser rejects (duplicate names, undecodable strings, trailing data) passes through unchanged.
/// </summary>
public class StreamEventParsingTests
{
    private static readonly string RestoredJson = "\"hi " + Brien.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static TheoryData<ApiShape, string> EscapedNames() => new()
    {
        { ApiShape.OpenAIChatCompletions, """data: {"id":"c1","ch\u006fices":[{"index":0,"delt\u0061":{"c\u006fntent":"hi [PERSON_1]"},"finish_reason":null}]}""" },
        { ApiShape.OpenAIChatCompletions, """data: {"choices":[{"ind\u0065x":1,"delta":{"r\u0065fusal":"hi [PERSON_1]"}}]}""" },
        { ApiShape.OpenAIResponses, """data: {"type":"response.output\u005ftext.delta","item_id":"m\u0073g_1","output_index":0,"content_index":0,"delt\u0061":"hi [PERSON_1]"}""" },
        { ApiShape.OpenAIResponses, """data: {"typ\u0065":"response.refusal.delta","item_id":"msg_1","delta":"hi [PERSON_1]"}""" },
        { ApiShape.AnthropicMessages, """data: {"type":"content_block_delta","index":0,"delta":{"typ\u0065":"text\u005fdelta","te\u0078t":"hi [PERSON_1]"}}""" },
    };

    public static TheoryData<ApiShape, string> Rejected() => new()
    {
        { ApiShape.OpenAIChatCompletions, """data: {"choices":[{"index":0,"delta":{"content":"hi [PERSON_1]","content":"x"}}]}""" },
        { ApiShape.OpenAIChatCompletions, """data: {"choices":[{"index":0,"delta":{"content":"hi [PERSON_1]","\u0063ontent":"x"}}]}""" },
        { ApiShape.OpenAIChatCompletions, """data: {"choices":[{"index":0,"delta":{"content":"hi [PERSON_1] \ud800"}}]}""" },
        { ApiShape.OpenAIChatCompletions, """data: {"choices":[{"index":0,"delta":{"content":"hi [PERSON_1]"}}]} {}""" },
        { ApiShape.OpenAIResponses, """data: {"type":"response.output_text.delta","typ\u0065":"x","item_id":"m","delta":"hi [PERSON_1]"}""" },
        { ApiShape.AnthropicMessages, """data: {"type":"content_block_delta","index":0,"index":1,"delta":{"type":"text_delta","text":"hi [PERSON_1]"}}""" },
        { ApiShape.AnthropicMessages, """data: {"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hi [PERSON_1]"},"k\u0031":1}""" },
    };

    [Theory]
    [MemberData(nameof(EscapedNames))]
    public void Write_EscapedNamesAndTypes_AreMatchedAfterUnescaping(ApiShape shape, string data)
    {
        using var vault = NewVault();
        var sse = data + "\n\n";
        var output = Run(new ResponseRestorer().CreateStreamRestorer(shape, vault), Encoding.UTF8.GetBytes(sse), []);
        Assert.Equal(sse.Replace("\"hi [PERSON_1]\"", RestoredJson, StringComparison.Ordinal), output);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Write_EventTheStrictParserRejects_PassesThroughUnchanged(ApiShape shape, string data)
    {
        using var vault = NewVault();
        var sse = data + "\n\n";
        var output = Run(new ResponseRestorer().CreateStreamRestorer(shape, vault), Encoding.UTF8.GetBytes(sse), []);
        Assert.Equal(sse, output);
    }

    [Fact]
    public void Write_HeldTextAtDone_SyntheticChunkCopiesTheTemplateWithDecodedNames()
    {
        using var vault = NewVault();
        const string upstream = """data: {"id":"c1","mod\u0065l":"m","choices":[{"index":0,"delta":{"content":"a [PERSON"},"finish_reason":null}],"usage":null}""" + "\n\ndata: [DONE]\n\n";
        var output = Run(new ResponseRestorer().CreateStreamRestorer(ApiShape.OpenAIChatCompletions, vault), Encoding.UTF8.GetBytes(upstream), []);
        Assert.Equal(
            """data: {"id":"c1","mod\u0065l":"m","choices":[{"index":0,"delta":{"content":"a "},"finish_reason":null}],"usage":null}""" + "\n\n"
            + """data: {"id":"c1","model":"m","choices":[{"index":0,"delta":{"content":"[PERSON"},"finish_reason":null}]}""" + "\n\n"
            + "data: [DONE]\n\n",
            output);
    }
}
