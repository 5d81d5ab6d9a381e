using System.Text;
using System.Text.Json;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;
using static StealthRelay.Redaction.Tests.Rehydration.SseTestHelpers;

namespace StealthRelay.Redaction.Tests.Rehydration;

public class OpenAIResponsesStreamRestorerTests
{
    private const string ArgsText = """{"to":"[EMAIL_ADDRESS_1]","who":"[PERSON_1]"}""";

    private static byte[] Upstream()
    {
        var sb = new StringBuilder();
        var seq = 0;
        void Event(string type, string rest) =>
            sb.Append("event: ").Append(type).Append("\r\ndata: {\"type\":\"").Append(type).Append("\",\"sequence_number\":").Append(seq++).Append(rest).Append("}\r\n\r\n");
        Event("response.created", ",\"response\":{\"id\":\"resp_1\",\"output\":[]}");
        Event("response.output_item.added", ",\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[]}");
        foreach (var d in Deltas(ModelText, seed: 9))
        {
            Event("response.output_text.delta", ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":" + Json(d) + ",\"logprobs\":[]");
        }

        Event("response.output_text.done", ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"text\":" + Json(ModelText));
        Event("response.content_part.done", ",\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":" + Json(ModelText) + "}");
        Event("response.output_item.done", ",\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":" + Json(ModelText) + "}]}");
        foreach (var d in Deltas(ArgsText, seed: 10))
        {
            Event("response.function_call_arguments.delta", ",\"item_id\":\"fc_1\",\"output_index\":1,\"delta\":" + Json(d));
        }

        Event("response.function_call_arguments.done", ",\"item_id\":\"fc_1\",\"output_index\":1,\"arguments\":" + Json(ArgsText));
        Event("response.completed", ",\"response\":{\"id\":\"resp_1\",\"output\":[{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":" + Json(ModelText) + "}]},{\"id\":\"fc_1\",\"type\":\"function_call\",\"arguments\":" + Json(ArgsText) + "}]}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void AssertArgs(string args)
    {
        using var doc = JsonDocument.Parse(args);
        Assert.Equal(Ann, doc.RootElement.GetProperty("to").GetString());
        Assert.Equal(Brien, doc.RootElement.GetProperty("who").GetString());
    }

    [Fact]
    public void Write_AnyChunking_RestoresDeltasAndFullTexts()
    {
        var upstream = Upstream();
        using var vault = NewVault();
        var restorer = new ResponseRestorer();
        foreach (var cuts in Chunkings(upstream.Length, randomRuns: 100, everyPosition: false).Concat(Enumerable.Range(0, upstream.Length / 3).Select(p => new[] { p * 3 })))
        {
            var output = Run(restorer.CreateStreamRestorer(ApiShape.OpenAIResponses, vault), upstream, cuts);
            Assert.DoesNotContain("\n\n", output.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
            var text = new StringBuilder();
            var args = new StringBuilder();
            var doneSeen = false;
            foreach (var (name, data) in ParseSse(output))
            {
                using var doc = JsonDocument.Parse(data);
                var root = doc.RootElement;
                Assert.Equal(name, root.GetProperty("type").GetString());
                switch (name)
                {
                    case "response.output_text.delta":
                        Assert.False(doneSeen);
                        text.Append(root.GetProperty("delta").GetString());
                        break;
                    case "response.output_text.done":
                        doneSeen = true;
                        Assert.Equal(RestoredText, root.GetProperty("text").GetString());
                        break;
                    case "response.content_part.done":
                        Assert.Equal(RestoredText, root.GetProperty("part").GetProperty("text").GetString());
                        break;
                    case "response.output_item.done":
                        Assert.Equal(RestoredText, root.GetProperty("item").GetProperty("content")[0].GetProperty("text").GetString());
                        break;
                    case "response.function_call_arguments.delta":
                        args.Append(root.GetProperty("delta").GetString());
                        break;
                    case "response.function_call_arguments.done":
                        AssertArgs(root.GetProperty("arguments").GetString()!);
                        break;
                    case "response.completed":
                        var outputItems = root.GetProperty("response").GetProperty("output");
                        Assert.Equal(RestoredText, outputItems[0].GetProperty("content")[0].GetProperty("text").GetString());
                        AssertArgs(outputItems[1].GetProperty("arguments").GetString()!);
                        break;
                }
            }

            Assert.Equal(RestoredText, text.ToString());
            AssertArgs(args.ToString());
        }
    }
}
