using Microsoft.Extensions.Logging;

namespace StealthRelay.Gateway.Telemetry;

/// <summary>
/// Caps framework log categories whose lines carry request URLs (path and query string, where a client may put a key)
/// or raw request-line bytes, whatever <c>Logging:LogLevel</c> says: ASP.NET Core's request-start/finish lines and its
/// per-request log scope (which carries the raw <c>RequestPath</c>; it is only created while that category is enabled,
/// hence <c>None</c>), YARP's "Proxying to {url}" lines and Kestrel's detailed bad-request text. The gateway's own lines (EventIds 1xxx) say the
/// same with fixed paths only. Added after configuration is bound, so these rules win over equally specific ones.
/// </summary>
internal static class LoggingCaps
{
    public static readonly IReadOnlyDictionary<string, LogLevel> Caps = new Dictionary<string, LogLevel>
    {
        ["Microsoft.AspNetCore.Hosting.Diagnostics"] = LogLevel.None,
        ["Yarp.ReverseProxy.Forwarder.HttpForwarder"] = LogLevel.Warning,
        ["Microsoft.AspNetCore.Server.Kestrel.BadRequests"] = LogLevel.Information,
    };

    public static void Apply(IServiceCollection services) => services.PostConfigure<LoggerFilterOptions>(options =>
    {
        foreach (var (category, level) in Caps)
        {
            options.Rules.Add(new LoggerFilterRule(providerName: null, category, level, filter: null));
        }
    });
}
