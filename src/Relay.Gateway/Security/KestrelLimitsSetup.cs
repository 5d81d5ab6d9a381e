using Microsoft.AspNetCore.Server.Kestrel.Core;
using StealthRelay.Gateway.Configuration;

namespace StealthRelay.Gateway.Security;

/// <summary>
/// Applies <c>Relay:Limits</c> to Kestrel: <c>MaxRequestBodySize</c> always equals <c>MaxRequestBodyBytes</c>, and the
/// slow-client limits are set when configured (ASP.NET Core does not bind a <c>Kestrel:Limits</c> section). Reads the section
/// directly (the server is built before option validation reports); malformed values are left to the validator.
/// </summary>
internal sealed class KestrelLimitsSetup(IConfiguration configuration) : Microsoft.Extensions.Options.IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = new LimitsOptions();
        try
        {
            configuration.GetSection(RelayOptions.SectionName).GetSection("Limits").Bind(limits);
        }
        catch (InvalidOperationException)
        {
            return; // reported by option validation at start-up
        }

        Apply(options.Limits, limits);
    }

    internal static void Apply(KestrelServerLimits kestrel, LimitsOptions limits)
    {
        if (limits.MaxRequestBodyBytes > 0)
        {
            kestrel.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        }

        if (limits.MinRequestBodyDataRateBytesPerSecond is { } rate)
        {
            kestrel.MinRequestBodyDataRate = rate > 0 ? new MinDataRate(rate, TimeSpan.FromSeconds(5)) : null;
        }

        if (limits.RequestHeadersTimeoutSeconds is > 0 and var headers)
        {
            kestrel.RequestHeadersTimeout = TimeSpan.FromSeconds(headers);
        }

        if (limits.KeepAliveTimeoutSeconds is > 0 and var keepAlive)
        {
            kestrel.KeepAliveTimeout = TimeSpan.FromSeconds(keepAlive);
        }

        if (limits.MaxRequestHeadersTotalSize is > 0 and var headerSize)
        {
            kestrel.MaxRequestHeadersTotalSize = headerSize;
        }

        if (limits.MaxConcurrentConnections is > 0 and var connections)
        {
            kestrel.MaxConcurrentConnections = connections;
        }
    }
}
