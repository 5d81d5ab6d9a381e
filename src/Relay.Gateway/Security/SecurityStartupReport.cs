namespace StealthRelay.Gateway.Security;

/// <summary>Says at start-up whether client keys are required (or the gateway runs in pass-through mode) and whether /relay/* is enabled.</summary>
internal sealed class SecurityStartupReport(IServiceProvider services, ILogger<SecurityStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolved here, not injected, so nothing reads options before start-up validation has reported every problem.
        var clients = services.GetRequiredService<ClientRegistry>();
        if (clients.PassThrough)
        {
            SecurityLog.PassThroughMode(logger);
        }
        else
        {
            SecurityLog.ClientsConfigured(logger, clients.Count);
        }

        if (!clients.AdminEnabled)
        {
            SecurityLog.AdminDisabled(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
