namespace StealthRelay.Gateway.Configuration;

/// <summary>Metadata privacy settings, bound from <c>Relay:Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    /// <summary>How end-user ids are treated. Default <see cref="Configuration.UserIdMode.Pseudonymize"/>.</summary>
    public UserIdMode UserIdMode { get; set; } = UserIdMode.Pseudonymize;

    /// <summary>
    /// Key for <see cref="Configuration.UserIdMode.Pseudonymize"/> (at least 16 characters, e.g. from the env var
    /// <c>Relay__Privacy__HmacKey</c>). When absent a random key is made per process (pseudonyms change on restart);
    /// it is never written to disk.
    /// </summary>
    public string? HmacKey { get; set; }
}
