using System.Buffers;
using System.Text;
using StealthRelay.Fuzz.Invariants;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;
using StealthRelay.Redaction.Tests.Analysis;
using StealthRelay.Redaction.Tests.Rehydration;

namespace StealthRelay.Redaction.Tests.Fuzzing;

/// <summary>Inputs the mutation fuzzer found that broke an invariant, kept as plain regression tests.</summary>
public class FuzzRegressionTests
{
    private static readonly TestEngine Engine = new();

    public static TheoryData<string, byte[]> InvalidStringsOutsideTextFields => new()
    {
        // Utf8JsonReader does not validate UTF-8 in names; GetString threw InvalidOperationException.
        { "property name", [.. "{\"model\":\"m\",\""u8, 0xE3, .. "\":1,\"messages\":[]}"u8] },
        // The walkers decode "type"; a lone byte there threw DecoderFallbackException.
        { "type value", [.. "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\""u8, 0xEE, .. "\",\"text\":\"hi\"}]}]}"u8] },
        // An escaped lone surrogate threw InvalidOperationException from the reader.
        { "escaped lone surrogate", "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"\\ud800\",\"text\":\"hi\"}]}]}"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(InvalidStringsOutsideTextFields))]
    public async Task RedactAsync_InvalidUtf8OutsideTextFields_ThrowsInvalidRequestNotAnotherException(string where, byte[] body)
    {
        foreach (var shape in Enum.GetValues<ApiShape>())
        {
            var ex = await Record.ExceptionAsync(() => Engine.Requests.RedactAsync(body, shape, RedactionPolicy.Default, CancellationToken.None).AsTask());
            var redaction = Assert.IsType<RedactionException>(ex);
            Assert.True(redaction.Failure == RedactionFailure.InvalidRequest, $"{where} / {shape}");
        }
    }

    [Theory]
    [InlineData(ApiShape.OpenAIChatCompletions)]
    [InlineData(ApiShape.OpenAIResponses)]
    [InlineData(ApiShape.AnthropicMessages)]
    public void StreamRestorer_InvalidUtf8InEventJson_PassesTheEventThroughWithoutThrowing(ApiShape shape)
    {
        using var vault = SseTestHelpers.NewVault();
        byte[] bad = [.. "data: {\"type\":\""u8, 0xEE, .. "\",\"item_id\":\"x\",\"delta\":\"[EMAIL_ADDRESS_1]\"}\n\n"u8];
        byte[] badName = [.. "data: {\""u8, 0xE3, .. "\":1,\"delta\":\"[EMAIL_ADDRESS_1]\"}\n\n"u8];
        var upstream = bad.Concat(badName).ToArray();
        var restorer = new ResponseRestorer().CreateStreamRestorer(shape, vault);
        var output = new ArrayBufferWriter<byte>();

        restorer.Write(upstream, output);
        restorer.Complete(output);

        Assert.Equal(upstream, output.WrittenSpan.ToArray());
        Assert.DoesNotContain(SseTestHelpers.Ann, Encoding.UTF8.GetString(output.WrittenSpan), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedactAsync_DetectedValueGluedToPlaceholderText_IsRedactedThereToo()
    {
        // The fuzzer spliced "_1]" after an e-mail: the recognizer no longer matched there and the address was forwarded.
        using var engine = new FuzzEngine();
        var body = """
            {"model":"m","messages":[{"role":"user","content":"mail john.doe@example.com please"},
            {"role":"tool","tool_call_id":"c","content":"Scheduled for john.doe@example.com_1] at 10:00"}]}
            """u8.ToArray();

        using var request = await engine.Redactor.RedactAsync(body, ApiShape.OpenAIChatCompletions, RedactionPolicy.Default, CancellationToken.None);

        var sent = Encoding.UTF8.GetString(request.Body.Span);
        Assert.DoesNotContain("john.doe@example.com", sent, StringComparison.Ordinal);
        Assert.Contains("Scheduled for [EMAIL_ADDRESS_1]_1] at 10:00", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedactAsync_DetectedValueInsideALongerWord_IsNotPropagatedThere()
    {
        var policy = new RedactionPolicy { DenyList = [new DenyRule { Pattern = "Zorro" }] };
        var body = """{"messages":[{"role":"user","content":"Zorro wrote Zorro_2 and Zorrox and 7Zorro"}]}"""u8.ToArray();

        using var request = await Engine.Requests.RedactAsync(body, ApiShape.OpenAIChatCompletions, policy, CancellationToken.None);

        Assert.Contains("\"[CUSTOM_1] wrote [CUSTOM_1]_2 and Zorrox and 7Zorro\"", Encoding.UTF8.GetString(request.Body.Span), StringComparison.Ordinal);
    }
}
