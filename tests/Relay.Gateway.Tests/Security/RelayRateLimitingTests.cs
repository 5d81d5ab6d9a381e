using Microsoft.AspNetCore.Server.Kestrel.Core;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Security;

namespace StealthRelay.Gateway.Tests.Security;

public sealed class RelayRateLimitingTests
{
    [Fact]
    public void Resolve_ClientOverridesDefaultPerValue_BuiltInsLast()
    {
        var resolved = RelayRateLimiting.Resolve(new RateLimitOptions { PermitLimit = 3 }, new RateLimitOptions { Window = TimeSpan.FromSeconds(10) });

        Assert.Equal(3, resolved.PermitLimit);
        Assert.Equal(TimeSpan.FromSeconds(10), resolved.Window);
        Assert.Equal(0, resolved.QueueLimit);
    }

    [Fact]
    public void Resolve_NothingSet_BuiltInDefaults()
    {
        var resolved = RelayRateLimiting.Resolve(null, new RateLimitOptions());

        Assert.Equal(RateLimitOptions.DefaultPermitLimit, resolved.PermitLimit);
        Assert.Equal(TimeSpan.FromMinutes(1), resolved.Window);
    }

    [Fact]
    public void KestrelLimitsApply_BodySizeAgreesAndSetValuesWin()
    {
        var kestrel = new KestrelServerOptions().Limits;
        var keepAlive = kestrel.KeepAliveTimeout;

        KestrelLimitsSetup.Apply(kestrel, new LimitsOptions
        {
            MaxRequestBodyBytes = 1234,
            RequestHeadersTimeoutSeconds = 7,
            MinRequestBodyDataRateBytesPerSecond = 0,
            MaxRequestHeadersTotalSize = 4096,
            MaxConcurrentConnections = 50,
        });

        Assert.Equal(1234, kestrel.MaxRequestBodySize);
        Assert.Equal(TimeSpan.FromSeconds(7), kestrel.RequestHeadersTimeout);
        Assert.Null(kestrel.MinRequestBodyDataRate);
        Assert.Equal(4096, kestrel.MaxRequestHeadersTotalSize);
        Assert.Equal(50, kestrel.MaxConcurrentConnections);
        Assert.Equal(keepAlive, kestrel.KeepAliveTimeout);
    }
}
