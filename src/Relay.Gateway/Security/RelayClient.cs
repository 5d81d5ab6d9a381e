using StealthRelay.Redaction.Policy;

namespace StealthRelay.Gateway.Security;

/// <summary>A validated client: its name, key hash, allowed upstreams (empty: all), policy override and rate limit.</summary>
internal sealed record RelayClient(string Name, byte[] KeyHash, IReadOnlySet<string> AllowedUpstreams, RedactionPolicy? Policy, RateLimitOptions? RateLimit)
{
    public bool MayUse(string upstream) => AllowedUpstreams.Count == 0 || AllowedUpstreams.Contains(upstream);
}
