using StealthRelay.Redaction.Policy;

namespace StealthRelay.Gateway.Configuration;

/// <summary>Gateway-wide redaction settings, bound from <c>Relay:Redaction</c>.</summary>
public sealed class RedactionSettings
{
    /// <summary>The policy used for every upstream without its own <c>Policy</c>. Default <see cref="RedactionPolicy.Default"/>.</summary>
    public RedactionPolicy Policy { get; set; } = new();
}
