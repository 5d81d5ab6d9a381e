using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;

namespace StealthRelay.Gateway.Security;

/// <summary>Registers client authentication, rate limiting, Kestrel limits and their start-up validation and report.</summary>
internal static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddRelaySecurity(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<RelayOptions>, SecurityOptionsValidator>();
        services.AddSingleton<ClientRegistry>();
        services.AddSingleton<RelayAccess>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelLimitsSetup>();
        services.AddRelayRateLimiting();
        services.AddHostedService<SecurityStartupReport>();
        return services;
    }

    /// <summary>
    /// Identify the client, rate-limit (by client, else by address, so floods of unknown keys are limited too), then
    /// refuse unknown client keys and unauthorized <c>/relay/*</c> calls.
    /// </summary>
    public static IApplicationBuilder UseRelaySecurity(this IApplicationBuilder app)
    {
        app.Use((context, next) => context.RequestServices.GetRequiredService<RelayAccess>().IdentifyAsync(context, next));
        app.UseRateLimiter();
        app.Use((context, next) => context.RequestServices.GetRequiredService<RelayAccess>().InvokeAsync(context, next));
        return app;
    }
}
