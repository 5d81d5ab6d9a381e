using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Local;
using StealthRelay.Gateway.Resilience;

namespace StealthRelay.Gateway.Tests.Local;

public sealed class FallbackToLocalPolicyTests
{
    [Theory]
    [InlineData(nameof(UpstreamFailureKind.Unreachable))]
    [InlineData(nameof(UpstreamFailureKind.Timeout))]
    [InlineData(nameof(UpstreamFailureKind.CircuitOpen))]
    [InlineData(nameof(UpstreamFailureKind.BadResponse))]
    public void ShouldServeLocally_FailureBeforeAnyByte_True(string kind) =>
        Assert.True(Policy(enabled: true).ShouldServeLocally(
            new UpstreamFailure(Enum.Parse<UpstreamFailureKind>(kind), "openai", null, ResponseStarted: false)));

    [Fact]
    public void ShouldServeLocally_ServerErrorStatus_True() =>
        Assert.True(Policy(enabled: true).ShouldServeLocally(UpstreamFailure.ServerError("openai", 503)));

    [Fact]
    public void ShouldServeLocally_ResponseAlreadyStarted_False() =>
        Assert.False(Policy(enabled: true).ShouldServeLocally(new UpstreamFailure(UpstreamFailureKind.BadResponse, "openai", null, ResponseStarted: true)));

    [Fact]
    public void ShouldServeLocally_FallbackToLocalOff_False() =>
        Assert.False(Policy(enabled: false).ShouldServeLocally(new UpstreamFailure(UpstreamFailureKind.Unreachable, "openai", null, ResponseStarted: false)));

    private static FallbackToLocalPolicy Policy(bool enabled) =>
        new(Options.Create(new RelayOptions { Routing = new RoutingOptions { FallbackToLocal = enabled } }));
}
