using System.Text;
using System.Text.Json;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Recognizers;
using static StealthRelay.Redaction.Tests.Rehydration.SseTestHelpers;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>Street addresses end to end: the real analyzer with the default recognizers, the JSON redactor and the restorers.</summary>
public sealed class StreetAddressRedactionTests
{
    private const string Baker = "221B Baker Street, London NW1 6XE";
    private const string Haupt = "Hauptstraße 5, 10115 Berlin";
    private const string Paix = "12 rue de la Paix, 75002 Paris";

    private static readonly TestEngine Engine = new(recognizers: [.. DefaultRecognizers.Create(new RecognizerOptions())]);

    [Theory]
    [InlineData("Please send the contract to Damrak 1, 1012 LG Amsterdam.", "Damrak 1, 1012 LG Amsterdam")]
    [InlineData("Bitte liefern an Zeil 5, 60313 Frankfurt am Main.", "Zeil 5, 60313 Frankfurt am Main")]
    [InlineData("Lieferadresse: Zeil 5, 60313 Frankfurt am Main", "Zeil 5, 60313 Frankfurt am Main")]
    [InlineData("Please ship it to Borgo Pinti 5, 50121 Firenze.", "Borgo Pinti 5, 50121 Firenze")]
    public async Task AnalyzeAsync_StreetWithoutStreetWordBeforePostcode_IsRedactedWhole(string text, string address)
    {
        var spans = (await Engine.Analyzer.AnalyzeAsync([text], RedactionPolicy.Default, CancellationToken.None))[0];

        var span = Assert.Single(spans);
        Assert.Equal(EntityTypes.Address, span.Type);
        Assert.Equal(address, text[span.Start..span.End]);
    }

    [Theory]
    [InlineData("In Runde 3, 20000 Zuschauer sahen zu.")]
    [InlineData("Bei Spiel 2, 45000 Fans im Stadion.")]
    public async Task AnalyzeAsync_CapitalizedNounNumberAndFiveDigitsWithoutContext_IsNotRedacted(string text)
    {
        var spans = (await Engine.Analyzer.AnalyzeAsync([text], RedactionPolicy.Default, CancellationToken.None))[0];

        Assert.Empty(spans);
    }

    [Fact]
    public async Task RedactAsync_ChatRequestWithAddresses_SendsPlaceholdersAndRestoresPlainAndStreamedAnswers()
    {
        var content = $"Write to {Baker} and copy {Haupt}. My address is {Paix}; the sender lives at {Baker}.";
        var json = JsonSerializer.Serialize(new { model = "gpt-4o", messages = new[] { new { role = "user", content } } });

        using var request = await Engine.Requests.RedactAsync(Encoding.UTF8.GetBytes(json), ApiShape.OpenAIChatCompletions, RedactionPolicy.Default, CancellationToken.None);

        var body = Encoding.UTF8.GetString(request.Body.Span);
        using (var doc = JsonDocument.Parse(body))
        {
            Assert.Equal(
                "Write to [ADDRESS_1] and copy [ADDRESS_2]. My address is [ADDRESS_3]; the sender lives at [ADDRESS_1].",
                doc.RootElement.GetProperty("messages")[0].GetProperty("content").GetString());
        }

        Assert.DoesNotContain("Baker", body, StringComparison.Ordinal);
        Assert.DoesNotContain("straße", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Paix", body, StringComparison.Ordinal);
        Assert.Equal(4, request.EntityCounts[EntityTypes.Address]);

        const string answerText = "Done: [ADDRESS_1] and [ADDRESS_2], reply to [ADDRESS_3].";
        var expected = $"Done: {Baker} and {Haupt}, reply to {Paix}.";

        var answer = $$"""{"id":"c","choices":[{"index":0,"message":{"role":"assistant","content":{{Json(answerText)}}},"finish_reason":"stop"}]}""";
        var restored = Encoding.UTF8.GetString(Engine.Restorer.RestoreJson(Encoding.UTF8.GetBytes(answer), ApiShape.OpenAIChatCompletions, request.Vault));
        using (var doc = JsonDocument.Parse(restored))
        {
            Assert.Equal(expected, doc.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        }

        // Streamed: placeholders split across deltas and across network chunks.
        var sse = new StringBuilder();
        foreach (var delta in Deltas(answerText, seed: 7))
        {
            sse.Append($$$"""data: {"choices":[{"index":0,"delta":{"content":{{{Json(delta)}}}}}]}""").Append("\n\n");
        }

        sse.Append("data: [DONE]\n\n");
        var upstream = Encoding.UTF8.GetBytes(sse.ToString());
        var streamed = Run(Engine.Restorer.CreateStreamRestorer(ApiShape.OpenAIChatCompletions, request.Vault), upstream, [5, 40, 41, 90]);
        var text = new StringBuilder();
        foreach (var (_, data) in ParseSse(streamed))
        {
            if (data != "[DONE]")
            {
                using var doc = JsonDocument.Parse(data);
                text.Append(doc.RootElement.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString());
            }
        }

        Assert.Equal(expected, text.ToString());
    }
}
