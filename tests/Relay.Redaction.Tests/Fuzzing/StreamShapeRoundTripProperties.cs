using System.Buffers;
using FsCheck.Xunit;
using StealthRelay.Fuzz.Invariants;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Tests.Analysis;
using StealthRelay.Redaction.Tests.Properties;

namespace StealthRelay.Redaction.Tests.Fuzzing;

/// <summary>
/// restore(redact(x)) == x through the Responses and Anthropic stream restorers (Properties/RoundTripProperties
/// covers plain text and the OpenAI chat stream): random text mixing e-mails, placeholder look-alikes and
/// non-ASCII, echoed in random deltas and fed to the restorer in random chunks.
/// </summary>
[Properties(Arbitrary = [typeof(RoundTripArbitraries)], MaxTest = 100)]
public class StreamShapeRoundTripProperties
{
    private static readonly TestEngine Engine = new(recognizers: new EmailTestRecognizer());

    [Property]
    public void ResponsesStream_RandomTextAndChunking_RestoredDeltasEqualOriginal(RoundTripScenario scenario) =>
        AssertRoundTrip(ApiShape.OpenAIResponses, scenario);

    [Property]
    public void AnthropicStream_RandomTextAndChunking_RestoredDeltasEqualOriginal(RoundTripScenario scenario) =>
        AssertRoundTrip(ApiShape.AnthropicMessages, scenario);

    private static void AssertRoundTrip(ApiShape shape, RoundTripScenario scenario)
    {
        using var request = Engine.Requests.RedactAsync(StreamFormat.Request(shape, scenario.Text), shape, RedactionPolicy.Default, CancellationToken.None)
            .AsTask().GetAwaiter().GetResult();
        var random = new Random(scenario.Seed);
        var sanitized = StreamFormat.SentText(shape, request.Body.Span);
        var deltas = new List<string>();
        for (var i = 0; i < sanitized.Length;)
        {
            var n = Math.Min(random.Next(1, 9), sanitized.Length - i);
            if (char.IsHighSurrogate(sanitized[i + n - 1]) && i + n < sanitized.Length)
            {
                n++;
            }

            deltas.Add(sanitized.Substring(i, n));
            i += n;
        }

        var upstream = StreamFormat.Build(shape, deltas);
        var restorer = Engine.Restorer.CreateStreamRestorer(shape, request.Vault);
        var output = new ArrayBufferWriter<byte>();
        for (var at = 0; at < upstream.Length;)
        {
            var n = Math.Min(random.Next(1, 40), upstream.Length - at);
            restorer.Write(upstream.AsSpan(at, n), output);
            at += n;
        }

        restorer.Complete(output);
        Assert.Equal(scenario.Text, StreamFormat.Text(shape, output.WrittenSpan));
    }
}
