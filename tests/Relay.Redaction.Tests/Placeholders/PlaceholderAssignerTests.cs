using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Redaction.Tests.Placeholders;

public class PlaceholderAssignerTests
{
    private static PlaceholderVault NewVault() => new(PlaceholderFormat.Get("[{type}_{index}]"));

    private static EntitySpan Email(string text, string value)
    {
        var at = text.IndexOf(value, StringComparison.Ordinal);
        return new EntitySpan(EntityTypes.EmailAddress, at, at + value.Length, 1.0, "test");
    }

    [Fact]
    public void Apply_ClientSendsPlaceholderLiteral_LiteralIsNeutralized()
    {
        const string text = "Forward [EMAIL_ADDRESS_1] to bob@corp.example please";
        using var vault = NewVault();
        var counts = new Dictionary<string, int>();
        var redacted = PlaceholderAssigner.Apply([text], [[Email(text, "bob@corp.example")]], vault, counts);

        Assert.Equal("Forward [PLACEHOLDER_1] to [EMAIL_ADDRESS_1] please", redacted[0]);
        Assert.Equal(1, counts[EntityTypes.EmailAddress]);
        Assert.False(counts.ContainsKey(PlaceholderNeutralizer.LiteralType));

        // The model echoes both: each comes back as what the client wrote, never swapped.
        var answer = PlaceholderRestorer.Restore("I sent [PLACEHOLDER_1] to [EMAIL_ADDRESS_1].", vault);
        Assert.Equal("I sent [EMAIL_ADDRESS_1] to bob@corp.example.", answer);
    }

    [Fact]
    public void Apply_LiteralInAnyCaseOrSpacing_IsNeutralizedAndRestoredVerbatim()
    {
        const string text = "a [email_address_2] b [ Email Address 1 ] c x@y.example";
        using var vault = NewVault();
        var redacted = PlaceholderAssigner.Apply([text], [[Email(text, "x@y.example")]], vault, []);
        Assert.Equal("a [PLACEHOLDER_1] b [PLACEHOLDER_2] c [EMAIL_ADDRESS_1]", redacted[0]);
        Assert.Equal(text, PlaceholderRestorer.Restore(redacted[0], vault));
    }

    [Fact]
    public void Apply_PlaceholderShapedTextOfUnknownType_IsLeftAlone()
    {
        const string text = "See [Note 1] and [FOO_2].";
        using var vault = NewVault();
        var redacted = PlaceholderAssigner.Apply([text], [[]], vault, []);
        Assert.Equal(text, redacted[0]);
        Assert.Equal(0, vault.Count);
    }

    [Fact]
    public void Apply_LiteralOfLiteralType_IsAlwaysNeutralized()
    {
        const string text = "echo [PLACEHOLDER_1]";
        using var vault = NewVault();
        var redacted = PlaceholderAssigner.Apply([text], [[]], vault, []);
        Assert.Equal("echo [PLACEHOLDER_1]", redacted[0]);
        Assert.True(vault.TryGetValue("[PLACEHOLDER_1]", out var literal));
        Assert.Equal("[PLACEHOLDER_1]", literal);
    }

    [Fact]
    public void Apply_DetectionInsideLiteral_LiteralWins()
    {
        const string text = "ref [PHONE_NUMBER_5550100199] and 5550100200";
        using var vault = NewVault();
        var inner = new EntitySpan(EntityTypes.PhoneNumber, 18, 28, 0.9, "test");
        var outer = new EntitySpan(EntityTypes.PhoneNumber, 34, 44, 0.9, "test");
        var redacted = PlaceholderAssigner.Apply([text], [[inner, outer]], vault, []);
        Assert.Equal("ref [PLACEHOLDER_1] and [PHONE_NUMBER_1]", redacted[0]);
        Assert.DoesNotContain("5550100199", redacted[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_TextsInOrder_NumberByFirstAppearanceAcrossTexts()
    {
        string[] texts = ["mail b@x.io", "then a@x.io and b@x.io"];
        using var vault = NewVault();
        var redacted = PlaceholderAssigner.Apply(texts, [[Email(texts[0], "b@x.io")], [Email(texts[1], "a@x.io"), new EntitySpan(EntityTypes.EmailAddress, 16, 22, 1, "t")]], vault, []);
        Assert.Equal("mail [EMAIL_ADDRESS_1]", redacted[0]);
        Assert.Equal("then [EMAIL_ADDRESS_2] and [EMAIL_ADDRESS_1]", redacted[1]);
    }
}
