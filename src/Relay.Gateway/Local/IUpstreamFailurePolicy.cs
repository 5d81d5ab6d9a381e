namespace StealthRelay.Gateway.Local;

/// <summary>
/// Decides whether a failed upstream call is answered by the local model instead of an error. Asked only after the
/// forwarder (and whatever retries wrap it) gave up and before any byte reached the client. Replaceable, e.g. by a
/// resilience layer that knows about open circuits.
/// </summary>
internal interface IUpstreamFailurePolicy
{
    bool ShouldServeLocally(UpstreamFailure failure);
}
