using System.Text;
using StealthRelay.LocalFallback.Protocols;

namespace StealthRelay.LocalFallback.Tests.Protocols;

/// <summary>OpenAI chat answers (whole and chunks) read for translation; anything else is malformed, without content in the error.</summary>
public sealed class OpenAIChatAnswerReaderTests
{
    [Fact]
    public void ReadCompletion_ChatCompletion_TextFinishUsageAndModel()
    {
        var answer = OpenAIChatAnswerReader.ReadCompletion(Utf8("""
            {"id":"chatcmpl-1","object":"chat.completion","model":"llama-3.1-8b",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hallo \"Welt\" é"},"finish_reason":"length"}],
             "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}
            """));

        Assert.Equal(new OpenAIChatAnswer("Hallo \"Welt\" é", "length", null, 12, 3, "llama-3.1-8b"), answer);
    }

    [Fact]
    public void ReadCompletion_VllmStopReasonAndNullContentNoUsage_StopNamedTextEmpty()
    {
        var answer = OpenAIChatAnswerReader.ReadCompletion(Utf8("""
            {"choices":[{"message":{"role":"assistant","content":null,"reasoning_content":"x"},"finish_reason":"stop","stop_reason":"END"}]}
            """));

        Assert.Equal(new OpenAIChatAnswer(string.Empty, "stop", "END", null, null, null), answer);
    }

    [Fact]
    public void ReadChunk_UsageChunkWithEmptyChoices_UsageOnly()
    {
        var answer = OpenAIChatAnswerReader.ReadChunk(Utf8("""{"object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":4}}"""));

        Assert.Equal(new OpenAIChatAnswer(string.Empty, null, null, 9, 4, null), answer);
    }

    [Fact]
    public void ReadChunk_DeltaWithStopTokenNumber_TextAndNoMatchedStop()
    {
        var answer = OpenAIChatAnswerReader.ReadChunk(Utf8("""{"model":"m","choices":[{"delta":{"content":"lo"},"finish_reason":"stop","stop_reason":128009}],"usage":null}"""));

        Assert.Equal(new OpenAIChatAnswer("lo", "stop", null, null, null, "m"), answer);
    }

    [Theory]
    [InlineData("SECRET plan: not JSON")]
    [InlineData("[\"SECRET plan\"]")]
    [InlineData("{\"object\":\"chat.completion\",\"note\":\"SECRET plan\"}")]
    [InlineData("{\"choices\":[]}")]
    [InlineData("{\"choices\":[\"SECRET plan\"]}")]
    [InlineData("{\"choices\":[{\"message\":{\"content\":[\"SECRET plan\"]}}]}")]
    [InlineData("{\"choices\":[{\"message\":\"SECRET plan\"}]}")]
    [InlineData("{\"choices\":[{\"message\":{\"content\":\"x\"},\"finish_reason\":1}]}")]
    [InlineData("{\"error\":{\"message\":\"SECRET plan is too long\"},\"choices\":[{\"message\":{\"content\":\"x\"}}]}")]
    public void ReadCompletion_NotAChatCompletion_InvalidDataWithoutContent(string json)
    {
        var error = Assert.Throws<InvalidDataException>(() => OpenAIChatAnswerReader.ReadCompletion(Utf8(json)));

        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Theory]
    [InlineData("{\"choices\":[{\"delta\":{\"content\":\"SECRET\"}}]")]
    [InlineData("{\"error\":{\"message\":\"SECRET plan\",\"type\":\"server_error\"}}")]
    [InlineData("{\"choices\":[{\"delta\":{\"content\":42}}]}")]
    public void ReadChunk_BrokenOrError_InvalidDataWithoutContent(string json)
    {
        var error = Assert.Throws<InvalidDataException>(() => OpenAIChatAnswerReader.ReadChunk(Utf8(json)));

        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
