using System.Buffers;
using System.Text;
using System.Text.Json;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;
using static StealthRelay.Redaction.Tests.Rehydration.SseTestHelpers;

namespace StealthRelay.Redaction.Tests.Rehydration;

public class OpenAIChatStreamRestorerTests
{
    private const string ArgsText = """{"to":"[EMAIL_ADDRESS_1]","who":"[PERSON_1]","note":"[x] [EMAIL_ADDRESS_1"}""";

    private static string Chunk(string delta, string? finish = null) =>
        "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":"
        + delta + ",\"finish_reason\":" + (finish is null ? "null" : Json(finish)) + "}]}";

    private static byte[] Upstream(string newLine = "\n")
    {
        var sb = new StringBuilder();
        void Event(string line) => sb.Append(line).Append(newLine).Append(newLine);
        Event(Chunk("{\"role\":\"assistant\",\"content\":\"\"}"));
        Event(": keep-alive");
        foreach (var d in Deltas(ModelText, seed: 1))
        {
            Event(Chunk("{\"content\":" + Json(d) + "}"));
        }

        var first = true;
        foreach (var d in Deltas(ArgsText, seed: 2))
        {
            var call = first ? "{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"send\",\"arguments\":" + Json(d) + "}}" : "{\"index\":0,\"function\":{\"arguments\":" + Json(d) + "}}";
            first = false;
            Event(Chunk("{\"tool_calls\":[" + call + "]}"));
        }

        Event(Chunk("{}", "tool_calls"));
        Event("data: [DONE]");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static (string Content, string Arguments) Collect(string output)
    {
        var events = ParseSse(output);
        Assert.Equal("[DONE]", events[^1].Data);
        var content = new StringBuilder();
        var args = new StringBuilder();
        var finished = false;
        foreach (var (_, data) in events.Take(events.Count - 1))
        {
            using var doc = JsonDocument.Parse(data);
            var choice = doc.RootElement.GetProperty("choices")[0];
            Assert.False(finished, "no chunk may follow the finishing chunk");
            var delta = choice.GetProperty("delta");
            if (delta.TryGetProperty("content", out var c))
            {
                content.Append(c.GetString());
            }

            if (delta.TryGetProperty("tool_calls", out var calls))
            {
                args.Append(calls[0].GetProperty("function").GetProperty("arguments").GetString());
            }

            finished = choice.GetProperty("finish_reason").ValueKind == JsonValueKind.String;
        }

        Assert.True(finished);
        return (content.ToString(), args.ToString());
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Write_AnyChunking_RestoresContentAndArguments(string newLine)
    {
        var upstream = Upstream(newLine);
        using var vault = NewVault();
        var restorer = new ResponseRestorer();
        // Every cut position once for \n; random chunkings for both line endings (keeps the suite quick).
        foreach (var cuts in Chunkings(upstream.Length, randomRuns: 100, everyPosition: newLine == "\n"))
        {
            var output = Run(restorer.CreateStreamRestorer(ApiShape.OpenAIChatCompletions, vault), upstream, cuts);
            var (content, args) = Collect(output);
            Assert.Equal(RestoredText, content);
            using var argsDoc = JsonDocument.Parse(args);
            Assert.Equal(Ann, argsDoc.RootElement.GetProperty("to").GetString());
            Assert.Equal(Brien, argsDoc.RootElement.GetProperty("who").GetString());
            Assert.Equal("[x] [EMAIL_ADDRESS_1", argsDoc.RootElement.GetProperty("note").GetString());
            Assert.Contains(": keep-alive" + newLine + newLine, output, StringComparison.Ordinal);
            Assert.DoesNotContain(newLine == "\n" ? "\r" : "\n\n", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_TextBeforePlaceholderStart_IsEmittedInTheSameWrite()
    {
        using var vault = NewVault();
        var restorer = new ResponseRestorer().CreateStreamRestorer(ApiShape.OpenAIChatCompletions, vault);
        var output = new ArrayBufferWriter<byte>();

        restorer.Write(Encoding.UTF8.GetBytes(Chunk("{\"content\":\"Hello [EMA\"}") + "\n\n"), output);
        Assert.Equal(Chunk("{\"content\":\"Hello \"}") + "\n\n", Encoding.UTF8.GetString(output.WrittenSpan));

        output.Clear();
        restorer.Write(Encoding.UTF8.GetBytes(Chunk("{\"content\":\"IL_ADDRESS_1] bye [Note\"}") + "\n\n"), output);
        Assert.Equal(Chunk("{\"content\":\"ann@x.io bye [Note\"}") + "\n\n", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Write_HeldTextAtFinish_IsFlushedInAChunkBeforeTheFinishingChunk()
    {
        using var vault = NewVault();
        var restorer = new ResponseRestorer().CreateStreamRestorer(ApiShape.OpenAIChatCompletions, vault);
        var output = new ArrayBufferWriter<byte>();
        restorer.Write(Encoding.UTF8.GetBytes(Chunk("{\"content\":\"a [PERSON\"}") + "\n\n"), output);
        output.Clear();
        restorer.Write(Encoding.UTF8.GetBytes(Chunk("{}", "stop") + "\n\n"), output);
        var events = ParseSse(Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal(2, events.Count);
        using var flush = JsonDocument.Parse(events[0].Data);
        Assert.Equal("[PERSON", flush.RootElement.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString());
        Assert.Equal("c1", flush.RootElement.GetProperty("id").GetString());
        Assert.Equal(Chunk("{}", "stop"), "data: " + events[1].Data);
    }

    [Fact]
    public void Complete_UpstreamEndsWhileHolding_FlushesHeldText()
    {
        using var vault = NewVault();
        var restorer = new ResponseRestorer().CreateStreamRestorer(ApiShape.OpenAIChatCompletions, vault);
        var output = new ArrayBufferWriter<byte>();
        restorer.Write(Encoding.UTF8.GetBytes(Chunk("{\"content\":\"a [EMAIL_ADDRESS_1\"}") + "\n\ndata: {\"partial"), output);
        restorer.Complete(output);
        var text = Encoding.UTF8.GetString(output.WrittenSpan);
        Assert.Contains("\"content\":\"[EMAIL_ADDRESS_1\"", text, StringComparison.Ordinal);
        Assert.EndsWith("data: {\"partial", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data: not json [EMAIL_ADDRESS_1]\n\n")]
    [InlineData("event: ping\ndata: {\"type\":\"ping\",\"x\":\"[EMAIL_ADDRESS_1]\"}\n\n")]
    [InlineData(": comment [EMAIL_ADDRESS_1]\n\n")]
    [InlineData("id: 7\nretry: 10\n\n")]
    [InlineData("data: [DONE]\n\n")]
    [InlineData("data:{ \"choices\" : [{\"index\":0,\"delta\":{\"content\":\"plain \\u00e9\"}}]}\r\n\r\n")]
    [InlineData("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"plain\"},\"finish_reason\":\"stop\"}]}\n\n")]
    public void Write_EventsWithoutRestorableText_PassThroughUnchanged(string sse)
    {
        using var vault = NewVault();
        var output = Run(new ResponseRestorer().CreateStreamRestorer(ApiShape.OpenAIChatCompletions, vault), Encoding.UTF8.GetBytes(sse), []);
        Assert.Equal(sse, output);
    }

    [Fact]
    public void Write_EmptyVault_PassesBytesThroughAsTheyCome()
    {
        using var vault = new StealthRelay.Redaction.Placeholders.PlaceholderVault(StealthRelay.Redaction.Placeholders.PlaceholderFormat.Get("[{type}_{index}]"));
        var restorer = new ResponseRestorer().CreateStreamRestorer(ApiShape.OpenAIChatCompletions, vault);
        var output = new ArrayBufferWriter<byte>();
        restorer.Write("data: {\"choi"u8, output);
        Assert.Equal("data: {\"choi", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Write_SeveralChoices_KeepSeparateState()
    {
        using var vault = NewVault();
        static string Two(string a, string b) =>
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":" + Json(a) + "}},{\"index\":1,\"delta\":{\"content\":" + Json(b) + "}}]}\n\n";
        var upstream = Encoding.UTF8.GetBytes(Two("x [EMAIL_", "y [PERS") + Two("ADDRESS_1]", "ON_1]") + "data: [DONE]\n\n");
        var events = ParseSse(Run(new ResponseRestorer().CreateStreamRestorer(ApiShape.OpenAIChatCompletions, vault), upstream, []));
        var texts = new StringBuilder[] { new(), new() };
        foreach (var (_, data) in events.SkipLast(1))
        {
            foreach (var choice in JsonDocument.Parse(data).RootElement.GetProperty("choices").EnumerateArray())
            {
                texts[choice.GetProperty("index").GetInt32()].Append(choice.GetProperty("delta").GetProperty("content").GetString());
            }
        }

        Assert.Equal($"x {Ann}", texts[0].ToString());
        Assert.Equal($"y {Brien}", texts[1].ToString());
    }

    [Fact]
    public void Write_JsonSpreadOverSeveralDataLines_IsRestoredAndStaysFramed()
    {
        using var vault = NewVault();
        const string upstream = "data: {\"choices\":[{\"index\":0,\ndata: \"delta\":{\"content\":\"hi [PERSON_1]\"}}]}\n\n";
        var output = Run(new ResponseRestorer().CreateStreamRestorer(ApiShape.OpenAIChatCompletions, vault), Encoding.UTF8.GetBytes(upstream), []);
        var (_, data) = Assert.Single(ParseSse(output));
        using var doc = JsonDocument.Parse(data);
        Assert.Equal($"hi {Brien}", doc.RootElement.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString());
    }
}
