using StealthRelay.Gateway.Logging;
using StealthRelay.Gateway.Privacy;
using StealthRelay.Gateway.Proxy;

namespace StealthRelay.Gateway;

/// <summary>Builds the upstreams at start-up (after options validation) so the log says at once what is configured, demo mode included.</summary>
internal sealed class GatewayStartupReport(UpstreamRegistry upstreams, UserIdPseudonymizer pseudonymizer, UserIdScrubber scrubber, ILogger<GatewayStartupReport> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = upstreams;
        if (pseudonymizer.IsRandomKey && scrubber.Mode == Configuration.UserIdMode.Pseudonymize)
        {
            GatewayLog.RandomHmacKey(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
