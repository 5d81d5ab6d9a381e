using System.Buffers;
using System.Text;
using System.Text.Json;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;
using static StealthRelay.Redaction.Tests.Rehydration.SseTestHelpers;

namespace StealthRelay.Redaction.Tests.Rehydration;

public class AnthropicStreamRestorerTests
{
    private const string InputJson = """{"to": "[EMAIL_ADDRESS_1]", "who": ["[PERSON_1]"]}""";

    private static void Event(StringBuilder sb, string type, string json) =>
        sb.Append("event: ").Append(type).Append('\n').Append("data: ").Append(json).Append("\n\n");

    private static byte[] Upstream()
    {
        var sb = new StringBuilder();
        Event(sb, "message_start", """{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude","usage":{"input_tokens":5,"output_tokens":1}}}""");
        Event(sb, "content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}""");
        Event(sb, "content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"about [EMAIL_ADDRESS_1"}}""");
        Event(sb, "content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQB"}}""");
        Event(sb, "content_block_stop", """{"type":"content_block_stop","index":0}""");
        Event(sb, "content_block_start", """{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}""");
        Event(sb, "ping", """{"type": "ping"}""");
        foreach (var d in Deltas(ModelText, seed: 5))
        {
            Event(sb, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":" + Json(d) + "}}");
        }

        Event(sb, "content_block_stop", """{"type":"content_block_stop","index":1}""");
        Event(sb, "content_block_start", """{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_1","name":"send","input":{}}}""");
        foreach (var d in Deltas(InputJson, seed: 6))
        {
            Event(sb, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + Json(d) + "}}");
        }

        Event(sb, "content_block_stop", """{"type":"content_block_stop","index":2}""");
        Event(sb, "message_delta", """{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":15}}""");
        Event(sb, "message_stop", """{"type":"message_stop"}""");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Fact]
    public void Write_AnyChunking_RestoresTextAndToolInputAndLeavesThinking()
    {
        var upstream = Upstream();
        using var vault = NewVault();
        var restorer = new ResponseRestorer();
        foreach (var cuts in Chunkings(upstream.Length, randomRuns: 100))
        {
            var events = ParseSse(Run(restorer.CreateStreamRestorer(ApiShape.AnthropicMessages, vault), upstream, cuts));
            var text = new StringBuilder();
            var json = new StringBuilder();
            var thinking = new StringBuilder();
            var stopped = new HashSet<int>();
            foreach (var (name, data) in events)
            {
                using var doc = JsonDocument.Parse(data);
                var type = doc.RootElement.GetProperty("type").GetString();
                Assert.Equal(type, name);
                if (type == "content_block_stop")
                {
                    stopped.Add(doc.RootElement.GetProperty("index").GetInt32());
                }

                if (type != "content_block_delta")
                {
                    continue;
                }

                var index = doc.RootElement.GetProperty("index").GetInt32();
                Assert.DoesNotContain(index, stopped);
                var delta = doc.RootElement.GetProperty("delta");
                switch (delta.GetProperty("type").GetString())
                {
                    case "text_delta": text.Append(delta.GetProperty("text").GetString()); break;
                    case "input_json_delta": json.Append(delta.GetProperty("partial_json").GetString()); break;
                    case "thinking_delta": thinking.Append(delta.GetProperty("thinking").GetString()); break;
                }
            }

            Assert.Equal(RestoredText, text.ToString());
            Assert.Equal("about [EMAIL_ADDRESS_1", thinking.ToString());
            using var input = JsonDocument.Parse(json.ToString());
            Assert.Equal(Ann, input.RootElement.GetProperty("to").GetString());
            Assert.Equal(Brien, input.RootElement.GetProperty("who")[0].GetString());
        }
    }

    [Fact]
    public void Write_HeldTextAtBlockStop_IsFlushedInADeltaBeforeTheStop()
    {
        using var vault = NewVault();
        var restorer = new ResponseRestorer().CreateStreamRestorer(ApiShape.AnthropicMessages, vault);
        var output = new ArrayBufferWriter<byte>();
        var sb = new StringBuilder();
        Event(sb, "content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi [PERSON_"}}""");
        restorer.Write(Encoding.UTF8.GetBytes(sb.ToString()), output);
        Assert.Contains("\"text\":\"Hi \"", Encoding.UTF8.GetString(output.WrittenSpan), StringComparison.Ordinal);
        output.Clear();
        sb.Clear();
        Event(sb, "content_block_stop", """{"type":"content_block_stop","index":0}""");
        restorer.Write(Encoding.UTF8.GetBytes(sb.ToString()), output);
        var events = ParseSse(Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal(["content_block_delta", "content_block_stop"], events.Select(e => e.Event));
        Assert.Equal("[PERSON_", JsonDocument.Parse(events[0].Data).RootElement.GetProperty("delta").GetProperty("text").GetString());
    }
}
