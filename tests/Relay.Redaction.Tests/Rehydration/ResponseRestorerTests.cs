using System.Text;
using System.Text.Json;
using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;
using static StealthRelay.Redaction.Tests.Rehydration.SseTestHelpers;

namespace StealthRelay.Redaction.Tests.Rehydration;

public class ResponseRestorerTests
{
    private static readonly ResponseRestorer Restorer = new();

    private static string Restore(string json, ApiShape shape, PlaceholderVault vault) =>
        Encoding.UTF8.GetString(Restorer.RestoreJson(Encoding.UTF8.GetBytes(json), shape, vault));

    [Fact]
    public void RestoreJson_ChatCompletion_RestoresContentRefusalAndArguments()
    {
        using var vault = NewVault();
        var args = Json("""{"to":"[EMAIL_ADDRESS_1]","who":"[PERSON_1]","n":1.50}""");
        var json = $$$"""{"id":"c","choices":[{"index":0,"message":{"role":"assistant","content":"Mail [EMAIL_ADDRESS_1], [person_1]'s friend","refusal":"no [PERSON_1]","tool_calls":[{"id":"t","type":"function","function":{"name":"send","arguments":{{{args}}}}}]},"finish_reason":"stop"}],"usage":{"total_tokens":12}}""";
        var restored = Restore(json, ApiShape.OpenAIChatCompletions, vault);
        using var doc = JsonDocument.Parse(restored);
        var message = doc.RootElement.GetProperty("choices")[0].GetProperty("message");
        Assert.Equal($"Mail {Ann}, {Brien}'s friend", message.GetProperty("content").GetString());
        Assert.Equal($"no {Brien}", message.GetProperty("refusal").GetString());
        using var argsDoc = JsonDocument.Parse(message.GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString()!);
        Assert.Equal(Ann, argsDoc.RootElement.GetProperty("to").GetString());
        Assert.Equal(Brien, argsDoc.RootElement.GetProperty("who").GetString());
        Assert.Contains("\"n\":1.50", message.GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("\"finish_reason\":\"stop\"}],\"usage\":{\"total_tokens\":12}}", restored, StringComparison.Ordinal);
    }

    [Fact]
    public void RestoreJson_ArgumentsWithBarePlaceholder_BecomeValidJson()
    {
        using var vault = NewVault();
        var args = Json("""{"who":[PERSON_1]}""");
        var json = $$$"""{"choices":[{"message":{"tool_calls":[{"function":{"arguments":{{{args}}}}}]}}]}""";
        using var doc = JsonDocument.Parse(Restore(json, ApiShape.OpenAIChatCompletions, vault));
        var restoredArgs = doc.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString()!;
        using var argsDoc = JsonDocument.Parse(restoredArgs);
        Assert.Equal(Brien, argsDoc.RootElement.GetProperty("who").GetString());
    }

    [Fact]
    public void RestoreJson_Responses_RestoresOutputItemsAndOutputText()
    {
        using var vault = NewVault();
        var args = Json("""{"a":"[PERSON_1]"}""");
        var json = $$$"""{"id":"r","object":"response","output":[{"type":"reasoning","summary":[{"type":"summary_text","text":"[EMAIL_ADDRESS_1]"}]},{"type":"message","id":"m","content":[{"type":"output_text","text":"to [EMAIL_ADDRESS_1]","annotations":[]}]},{"type":"function_call","arguments":{{{args}}}}],"output_text":"to [EMAIL_ADDRESS_1]"}""";
        using var doc = JsonDocument.Parse(Restore(json, ApiShape.OpenAIResponses, vault));
        var output = doc.RootElement.GetProperty("output");
        Assert.Equal("[EMAIL_ADDRESS_1]", output[0].GetProperty("summary")[0].GetProperty("text").GetString());
        Assert.Equal($"to {Ann}", output[1].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal(Brien, JsonDocument.Parse(output[2].GetProperty("arguments").GetString()!).RootElement.GetProperty("a").GetString());
        Assert.Equal($"to {Ann}", doc.RootElement.GetProperty("output_text").GetString());
    }

    [Fact]
    public void RestoreJson_Anthropic_RestoresTextAndToolInput()
    {
        using var vault = NewVault();
        const string json = """{"id":"msg","type":"message","content":[{"type":"thinking","thinking":"[PERSON_1]","signature":"s"},{"type":"text","text":"Hello [PERSON_1]"},{"type":"tool_use","id":"t","name":"n","input":{"to":["[EMAIL_ADDRESS_1]"],"[PERSON_1]":1}}],"stop_reason":"end_turn"}""";
        using var doc = JsonDocument.Parse(Restore(json, ApiShape.AnthropicMessages, vault));
        var content = doc.RootElement.GetProperty("content");
        Assert.Equal("[PERSON_1]", content[0].GetProperty("thinking").GetString());
        Assert.Equal($"Hello {Brien}", content[1].GetProperty("text").GetString());
        Assert.Equal(Ann, content[2].GetProperty("input").GetProperty("to")[0].GetString());
        Assert.True(content[2].GetProperty("input").TryGetProperty("[PERSON_1]", out _));
    }

    [Theory]
    [InlineData(ApiShape.OpenAIEmbeddings, """{"data":[{"embedding":[0.1,-2e-3]}],"x":"[EMAIL_ADDRESS_1]"}""")]
    [InlineData(ApiShape.OpenAIChatCompletions, "not json [EMAIL_ADDRESS_1]")]
    [InlineData(ApiShape.OpenAIChatCompletions, """{"choices":[{"message":{"content":"no placeholder [Note 1] [EMAIL_ADDRESS_2]"}}]}""")]
    public void RestoreJson_NothingToRestore_ReturnsBodyUnchanged(ApiShape shape, string body)
    {
        using var vault = NewVault();
        Assert.Equal(body, Restore(body, shape, vault));
    }

    [Fact]
    public void RestoreJson_NeutralizedLiteral_ComesBackAsTheLiteralNeverAnotherValue()
    {
        using var vault = new PlaceholderVault(PlaceholderFormat.Get("[{type}_{index}]"));
        var counts = new Dictionary<string, int>();
        const string prompt = "Reply with [EMAIL_ADDRESS_1] verbatim. My mail: secret@corp.example";
        var at = prompt.IndexOf("secret", StringComparison.Ordinal);
        var redacted = PlaceholderAssigner.Apply([prompt], [[new EntitySpan(EntityTypes.EmailAddress, at, prompt.Length, 1, "t")]], vault, counts)[0];
        Assert.Equal("Reply with [PLACEHOLDER_1] verbatim. My mail: [EMAIL_ADDRESS_1]", redacted);

        // The model echoes the forwarded token of the literal.
        var answer = """{"choices":[{"message":{"content":"[PLACEHOLDER_1]"}}]}""";
        var restored = Restore(answer, ApiShape.OpenAIChatCompletions, vault);
        Assert.Equal("""{"choices":[{"message":{"content":"[EMAIL_ADDRESS_1]"}}]}""", restored);
        Assert.DoesNotContain("secret", restored, StringComparison.Ordinal);
    }
}
