using StealthRelay.Gateway.Resilience;

namespace StealthRelay.Gateway.Local;

/// <summary>
/// Decides whether a failed upstream call is answered by the local model instead of an error. Asked only after the
/// resilience layer gave up (retries exhausted, fallback upstream tried, or circuit open) and before any byte reached
/// the client. Replaceable.
/// </summary>
internal interface IUpstreamFailurePolicy
{
    bool ShouldServeLocally(UpstreamFailure failure);
}
