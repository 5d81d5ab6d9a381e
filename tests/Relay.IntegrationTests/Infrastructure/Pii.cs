namespace StealthRelay.IntegrationTests.Infrastructure;

/// <summary>Sample personal data (all synthetic, checksums valid) and a prompt that carries it.</summary>
internal static class Pii
{
    public const string Email = "jane.doe@example.com";
    public const string Phone = "+44 20 7946 0958";
    public const string Card = "4111 1111 1111 1111";
    public const string Iban = "DE89 3704 0044 0532 0130 00";
    public const string Ssn = "536-22-8721";
    public const string Secret = "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    public static readonly string[] Values = [Email, Phone, Card, Iban, Ssn, Secret];

    /// <summary>Multi-byte text (ë, ü, emoji) so streamed answers split UTF-8 sequences across chunks.</summary>
    public const string Prompt =
        "Hi, I'm Zoë from München 🙂. Mail " + Email + " or call " + Phone + ". Card " + Card + ", IBAN " + Iban
        + ", SSN " + Ssn + ", token " + Secret + ". Mail " + Email + " again.";

    public static void AssertNoneReached(FakeProvider provider)
    {
        Assert.NotEmpty(provider.Requests);
        foreach (var request in provider.Requests)
        {
            foreach (var value in Values)
            {
                Assert.False(request.Contains(value), $"A {Describe(value)} reached the provider.");
                Assert.False(request.Contains(value.Replace(" ", "", StringComparison.Ordinal)), $"A {Describe(value)} (spaces removed) reached the provider.");
            }
        }
    }

    public static string Describe(string value) => value switch
    {
        Email => "email address",
        Phone => "phone number",
        Card => "card number",
        Iban => "IBAN",
        Ssn => "SSN",
        _ => "secret",
    };
}
