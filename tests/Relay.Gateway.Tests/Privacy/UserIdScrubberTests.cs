using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Privacy;
using StealthRelay.Gateway.Routing;

namespace StealthRelay.Gateway.Tests.Privacy;

public sealed class UserIdScrubberTests
{
    private const string Key = "unit-test-hmac-key-000000";

    private static UserIdScrubber Scrubber(UserIdMode mode, string? key = Key)
    {
        var options = Options.Create(new RelayOptions { Privacy = new PrivacyOptions { UserIdMode = mode, HmacKey = key } });
        return new UserIdScrubber(options, new UserIdPseudonymizer(options));
    }

    private static string Apply(UserIdScrubber scrubber, string json, ApiFamily family) =>
        Encoding.UTF8.GetString(scrubber.Apply(Encoding.UTF8.GetBytes(json), family).Span);

    private static string Expected(string id) =>
        "sr-" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes(id)).AsSpan(0, 16));

    [Fact]
    public void Apply_PseudonymizeOpenAI_ReplacesUserAndSafetyIdentifierOnly()
    {
        var output = Apply(Scrubber(UserIdMode.Pseudonymize),
            """{"model":"m","user":"u-1","messages":[{"role":"user","content":"user"}],"safety_identifier":"u-2"}""", ApiFamily.OpenAI);

        Assert.Equal($$"""{"model":"m","user":"{{Expected("u-1")}}","messages":[{"role":"user","content":"user"}],"safety_identifier":"{{Expected("u-2")}}"}""", output);
    }

    [Fact]
    public void Apply_PseudonymizeAnthropic_ReplacesMetadataUserIdOnly()
    {
        var output = Apply(Scrubber(UserIdMode.Pseudonymize),
            """{"user":"keep","metadata":{"user_id":"u-1","other":1}}""", ApiFamily.Anthropic);

        Assert.Equal("{\"user\":\"keep\",\"metadata\":{\"user_id\":\"" + Expected("u-1") + "\",\"other\":1}}", output);
    }

    [Fact]
    public void Apply_EscapedPropertyName_StillFound()
    {
        var output = Apply(Scrubber(UserIdMode.Pseudonymize), """{"us\u0065r":"u-1"}""", ApiFamily.OpenAI);

        Assert.DoesNotContain("u-1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NestedUserProperty_Untouched()
    {
        const string json = """{"messages":[{"user":"u-1"}],"metadata":{"user":"x"}}""";

        Assert.Equal(json, Apply(Scrubber(UserIdMode.Pseudonymize), json, ApiFamily.OpenAI));
    }

    [Theory]
    [InlineData("""{"user":"u","a":1}""", """{"a":1}""")]
    [InlineData("""{"a":1,"user":"u"}""", """{"a":1}""")]
    [InlineData("""{"a":1, "user" : "u" ,"b":2}""", """{"a":1 ,"b":2}""")]
    [InlineData("""{"user":"u","safety_identifier":"s","a":1}""", """{"a":1}""")]
    [InlineData("""{"a":1,"user":"u","safety_identifier":"s"}""", """{"a":1}""")]
    [InlineData("""{"user":"u","safety_identifier":"s"}""", """{}""")]
    [InlineData("""{"user":{"id":"u"},"a":[1]}""", """{"a":[1]}""")]
    public void Apply_RemoveOpenAI_ValidJsonWithoutFields(string input, string expected)
    {
        var output = Apply(Scrubber(UserIdMode.Remove), input, ApiFamily.OpenAI);

        Assert.Equal(expected, output);
        using var _ = JsonDocument.Parse(output);
    }

    [Fact]
    public void Apply_RemoveAnthropic_DropsUserIdKeepsMetadata()
    {
        Assert.Equal("""{"metadata":{},"max_tokens":1}""",
            Apply(Scrubber(UserIdMode.Remove), """{"metadata":{"user_id":"u-1"},"max_tokens":1}""", ApiFamily.Anthropic));
    }

    [Fact]
    public void Apply_Keep_BodyUnchanged()
    {
        const string json = """{"user":"u-1"}""";

        Assert.Equal(json, Apply(Scrubber(UserIdMode.Keep), json, ApiFamily.OpenAI));
    }

    [Fact]
    public void Apply_NullUser_LeftAlone()
    {
        const string json = """{"user":null}""";

        Assert.Equal(json, Apply(Scrubber(UserIdMode.Pseudonymize), json, ApiFamily.OpenAI));
    }

    [Fact]
    public void Pseudonymize_RandomKeys_DifferPerInstanceButStableWithin()
    {
        var a = new UserIdPseudonymizer(Options.Create(new RelayOptions()));
        var b = new UserIdPseudonymizer(Options.Create(new RelayOptions()));

        Assert.True(a.IsRandomKey);
        Assert.Equal(a.Pseudonymize("u"u8), a.Pseudonymize("u"u8));
        Assert.NotEqual(a.Pseudonymize("u"u8), b.Pseudonymize("u"u8));
    }
}
