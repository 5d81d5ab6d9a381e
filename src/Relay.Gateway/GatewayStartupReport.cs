using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Local;
using StealthRelay.Gateway.Logging;
using StealthRelay.Gateway.Privacy;
using StealthRelay.Gateway.Proxy;

namespace StealthRelay.Gateway;

/// <summary>
/// Builds the upstreams at start-up so the log says at once what is configured, demo mode included. Services are
/// resolved in <see cref="StartAsync"/>, not injected, so that nothing reads options before start-up validation has
/// reported every problem together.
/// </summary>
internal sealed class GatewayStartupReport(IServiceProvider services, ILogger<GatewayStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<UpstreamRegistry>();
        if (services.GetRequiredService<UserIdPseudonymizer>().IsRandomKey
            && services.GetRequiredService<UserIdScrubber>().Mode == UserIdMode.Pseudonymize)
        {
            GatewayLog.RandomHmacKey(logger);
        }

        if (services.GetRequiredService<IOptions<RelayOptions>>().Value.Routing.DefaultRoute == DefaultRoute.Local
            && !services.GetRequiredService<LocalRouteHandler>().IsAvailable)
        {
            GatewayLog.LocalOnlyWithoutModel(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
