namespace StealthRelay.Gateway.Security;

/// <summary>Access to the gateway's own <c>/relay/*</c> endpoints, bound from <c>Relay:Admin</c>.</summary>
public sealed class AdminOptions
{
    /// <summary>Hex SHA-256 of the admin key. Unset: every <c>/relay/*</c> endpoint answers 403.</summary>
    public string? KeySha256 { get; set; }
}
