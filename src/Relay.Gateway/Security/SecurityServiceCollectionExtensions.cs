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

    /// <summary>Client and admin keys first, then the rate limiter (partitioned by the authenticated client).</summary>
    public static IApplicationBuilder UseRelaySecurity(this IApplicationBuilder app)
    {
        app.Use((context, next) => context.RequestServices.GetRequiredService<RelayAccess>().InvokeAsync(context, next));
        app.UseRateLimiter();
        return app;
    }
}
