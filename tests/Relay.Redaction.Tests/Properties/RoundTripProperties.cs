using System.Buffers;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Tests.Analysis;

namespace StealthRelay.Redaction.Tests.Properties;

[Properties(Arbitrary = [typeof(RoundTripArbitraries)], MaxTest = 150)]
public class RoundTripProperties
{
    private static readonly TestEngine Engine = new(recognizers: new EmailTestRecognizer());

    [Property]
    public void TextRedactor_RandomText_RestoreOfRedactIsIdentityAndNoValueSurvives(RoundTripScenario scenario)
    {
        using var result = Engine.Text.RedactAsync(scenario.Text, RedactionPolicy.Default, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        foreach (var entity in result.Entities)
        {
            Assert.DoesNotContain(scenario.Text[entity.Start..entity.End], result.Text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(scenario.Text, result.Restore(result.Text));
    }

    [Property]
    public void ChatStream_RandomTextAndChunking_RestoredDeltasEqualOriginal(RoundTripScenario scenario)
    {
        var args = JsonSerializer.Serialize(new { text = scenario.Text });
        var body = JsonSerializer.Serialize(new
        {
            model = "m",
            messages = new object[]
            {
                new { role = "user", content = scenario.Text },
                new { role = "assistant", tool_calls = new[] { new { id = "c", type = "function", function = new { name = "f", arguments = args } } } },
            },
        });
        using var request = Engine.Requests.RedactAsync(Encoding.UTF8.GetBytes(body), ApiShape.OpenAIChatCompletions, RedactionPolicy.Default, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        using var sent = JsonDocument.Parse(request.Body);
        var message0 = sent.RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!;
        var sentArgs = sent.RootElement.GetProperty("messages")[1].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString()!;
        foreach (var email in request.EntityCounts.Keys)
        {
            Assert.Equal(EntityTypes.EmailAddress, email);
        }

        // The model echoes the sanitized text and arguments back as a stream, cut at random places.
        var random = new Random(scenario.Seed);
        var sse = new StringBuilder();
        foreach (var delta in Split(message0, random))
        {
            sse.Append("data: ").Append(JsonSerializer.Serialize(new { choices = new[] { new { index = 0, delta = new { content = delta } } } })).Append("\n\n");
        }

        foreach (var delta in Split(sentArgs, random))
        {
            sse.Append("data: ").Append(JsonSerializer.Serialize(new { choices = new[] { new { index = 0, delta = new { tool_calls = new[] { new { index = 0, function = new { arguments = delta } } } } } } })).Append("\n\n");
        }

        sse.Append("data: [DONE]\n\n");
        var upstream = Encoding.UTF8.GetBytes(sse.ToString());
        var restorer = Engine.Restorer.CreateStreamRestorer(ApiShape.OpenAIChatCompletions, request.Vault);
        var output = new ArrayBufferWriter<byte>();
        var at = 0;
        while (at < upstream.Length)
        {
            var n = Math.Min(random.Next(1, 40), upstream.Length - at);
            restorer.Write(upstream.AsSpan(at, n), output);
            at += n;
        }

        restorer.Complete(output);
        var content = new StringBuilder();
        var restoredArgs = new StringBuilder();
        foreach (var line in Encoding.UTF8.GetString(output.WrittenSpan).Split('\n'))
        {
            if (!line.StartsWith("data: {", StringComparison.Ordinal))
            {
                continue;
            }

            using var chunk = JsonDocument.Parse(line[6..]);
            var delta = chunk.RootElement.GetProperty("choices")[0].GetProperty("delta");
            if (delta.TryGetProperty("content", out var c))
            {
                content.Append(c.GetString());
            }

            if (delta.TryGetProperty("tool_calls", out var calls))
            {
                restoredArgs.Append(calls[0].GetProperty("function").GetProperty("arguments").GetString());
            }
        }

        Assert.Equal(scenario.Text, content.ToString());
        using var argsDoc = JsonDocument.Parse(restoredArgs.ToString());
        Assert.Equal(scenario.Text, argsDoc.RootElement.GetProperty("text").GetString());
    }

    private static IEnumerable<string> Split(string text, Random random)
    {
        var i = 0;
        while (i < text.Length)
        {
            var n = Math.Min(random.Next(1, 9), text.Length - i);
            if (char.IsHighSurrogate(text[i + n - 1]) && i + n < text.Length)
            {
                n++;
            }

            yield return text.Substring(i, n);
            i += n;
        }
    }
}
