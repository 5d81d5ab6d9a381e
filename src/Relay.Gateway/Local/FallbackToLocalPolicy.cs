using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace StealthRelay.Gateway.Local;

/// <summary>
/// The default <see cref="IUpstreamFailurePolicy"/>: with <c>Relay:Routing:FallbackToLocal</c> on, a connection error,
/// a timeout or a 5xx answer is served locally; client cancellations never are.
/// </summary>
internal sealed class FallbackToLocalPolicy(IOptions<RelayOptions> options) : IUpstreamFailurePolicy
{
    public bool ShouldServeLocally(UpstreamFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (!options.Value.Routing.FallbackToLocal)
        {
            return false;
        }

        return failure.Error switch
        {
            ForwarderError.None => failure.StatusCode >= 500,
            ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled
                or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeResponseCanceled => false,
            _ => true,
        };
    }
}
