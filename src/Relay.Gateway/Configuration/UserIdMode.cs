namespace StealthRelay.Gateway.Configuration;

/// <summary>What happens to OpenAI <c>user</c> / <c>safety_identifier</c> and Anthropic <c>metadata.user_id</c>.</summary>
public enum UserIdMode
{
    /// <summary>Replace the value by an HMAC-SHA256 pseudonym (stable per key, not reversible). The default.</summary>
    Pseudonymize,

    /// <summary>Drop the field.</summary>
    Remove,

    /// <summary>Forward the value unchanged.</summary>
    Keep,
}
