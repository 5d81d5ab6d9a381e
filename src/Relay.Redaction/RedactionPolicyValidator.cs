using StealthRelay.Redaction.Policy;

namespace StealthRelay.Redaction;

/// <summary>Validates a <see cref="RedactionPolicy"/> (for hosts that bind per-route or per-upstream policies).</summary>
public static class RedactionPolicyValidator
{
    /// <summary>
    /// Returns every problem of <paramref name="policy"/>, each message prefixed with <paramref name="path"/>
    /// (its configuration path, e.g. <c>Relay:Upstreams:openai:Policy</c>). Empty when the policy is usable.
    /// </summary>
    public static IReadOnlyList<string> Validate(RedactionPolicy policy, string path)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(path);
        return RedactionOptionsValidator.ValidatePolicy(policy, path).ToList();
    }
}
