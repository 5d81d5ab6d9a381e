using System.Text;
using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;
using static StealthRelay.Redaction.Tests.Rehydration.SseTestHelpers;

namespace StealthRelay.Redaction.Tests.Rehydration;

/// <summary>
/// Events with no placeholder start inside a JSON string pass through unparsed; the check must never skip an event
/// that carries one (a prefix of any width, escaped quotes, text that is not JSON).
/// </summary>
public sealed class StreamPassThroughTests
{
    [Theory]
    [InlineData("""{"choices":[{"index":0,"delta":{"content":"hello"}}]}""", false)]
    [InlineData("""{"choices":[{"index":0,"delta":{"content":"hi [EMAIL"}}]}""", true)]
    [InlineData("""{"a":"x \" [ y"}""", true)]
    [InlineData("""{"a":"x \\","b":[1]}""", false)]
    [InlineData("""{"a":"x \\\" [","b":[1]}""", true)]
    [InlineData("""[["x"],["y"]]""", false)]
    [InlineData("""{"a":"[""", true)]
    [InlineData("""{"a":"unterminated [""", true)]
    [InlineData("""{"a":"unterminated""", false)]
    [InlineData("", false)]
    [InlineData("{\"a\":\"x\\", false)]
    [InlineData("{\"a\":\"x\\\\", false)]
    [InlineData("[ {\"a\":\"x\\", true)]
    [InlineData("\"\\", false)]
    public void OccursInString_Bracket_OnlyInsideStrings(string json, bool expected) =>
        Assert.Equal(expected, SseStreamRestorer.OccursInString(Encoding.UTF8.GetBytes(json), "["u8));

    [Theory]
    [InlineData("""{"a":"x ⟦EMAIL"}""", true)]
    [InlineData("""{"a":"x ⟧"}""", false)]
    [InlineData("""{"a":"x"} ⟦""", false)]
    public void OccursInString_MultiByteNeedle_MatchesWholeSequence(string json, bool expected) =>
        Assert.Equal(expected, SseStreamRestorer.OccursInString(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes("⟦")));

    [Fact]
    public void OccursInString_QuoteNeedle_SearchedAnywhere() =>
        Assert.True(SseStreamRestorer.OccursInString("""{"a":1}"""u8, "\""u8));

    [Fact]
    public void Write_NonAsciiPrefixSplitAcrossDeltas_Restored()
    {
        // A prefix outside ASCII, sent as raw UTF-8 (not \u-escaped, as most providers do): casting its first char to
        // a byte would never find it in UTF-8, and every event would pass through with the placeholder unrestored.
        var vault = new PlaceholderVault(PlaceholderFormat.Get("⟦{type}_{index}⟧"));
        var placeholder = vault.GetOrAdd(EntityTypes.EmailAddress, Ann);
        var text = "Write to " + placeholder + " today, " + placeholder + ".";
        var sb = new StringBuilder();
        foreach (var delta in Deltas(text, seed: 7))
        {
            sb.Append("data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").Append(delta).Append("\"},\"finish_reason\":null}]}\n\n");
        }

        sb.Append("data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
        var upstream = Encoding.UTF8.GetBytes(sb.ToString());
        var restorer = new ResponseRestorer().CreateStreamRestorer(ApiShape.OpenAIChatCompletions, vault);

        var output = Run(restorer, upstream, [5, 11, 17, 40, 41, 42]);

        var content = string.Concat(ParseSse(output).Where(e => e.Data != "[DONE]")
            .Select(e => System.Text.Json.JsonDocument.Parse(e.Data).RootElement.GetProperty("choices")[0].GetProperty("delta"))
            .Where(d => d.TryGetProperty("content", out _))
            .Select(d => d.GetProperty("content").GetString()));
        Assert.Equal("Write to " + Ann + " today, " + Ann + ".", content);
    }
}
