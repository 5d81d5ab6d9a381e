using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Resilience;

namespace StealthRelay.Gateway.Local;

/// <summary>
/// The default <see cref="IUpstreamFailurePolicy"/>: with <c>Relay:Routing:FallbackToLocal</c> on, any upstream failure
/// (unreachable, timeout, open circuit, broken answer, a 5xx status once retries are exhausted) is served locally as
/// long as no byte of the answer reached the client. Client cancellations never get here.
/// </summary>
internal sealed class FallbackToLocalPolicy(IOptions<RelayOptions> options) : IUpstreamFailurePolicy
{
    public bool ShouldServeLocally(UpstreamFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return options.Value.Routing.FallbackToLocal && !failure.ResponseStarted
            && (failure.Kind != UpstreamFailureKind.ServerError || failure.StatusCode >= 500);
    }
}
