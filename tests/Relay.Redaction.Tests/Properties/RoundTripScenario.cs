namespace StealthRelay.Redaction.Tests.Properties;

/// <summary>A random text made of words, PII and placeholder-looking fragments, and a random stream chunking.</summary>
public sealed record RoundTripScenario(string Text, int Seed)
{
    public override string ToString() => $"Seed={Seed} Text={System.Text.Json.JsonSerializer.Serialize(Text)}";
}
