using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Security;

namespace StealthRelay.Gateway.Tests.Security;

public sealed class ClientRegistryTests
{
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static ClientRegistry Registry(string? adminKey = null)
    {
        var options = new RelayOptions();
        options.Clients["alpha"] = new ClientOptions { KeySha256 = Hash("alpha-key") };
        options.Clients["beta"] = new ClientOptions { KeySha256 = Hash("beta-key").ToUpperInvariant(), AllowedUpstreams = ["openai"] };
        options.Admin.KeySha256 = adminKey is null ? null : Hash(adminKey);
        return new ClientRegistry(Options.Create(options));
    }

    [Fact]
    public void Authenticate_KnownKey_ReturnsItsClient()
    {
        var registry = Registry();

        Assert.Equal("alpha", registry.Authenticate(["alpha-key"])?.Name);
        Assert.Equal("beta", registry.Authenticate(["beta-key"])?.Name); // upper-case hex accepted
        Assert.False(registry.PassThrough);
    }

    [Fact]
    public void Authenticate_UnknownOrNearMissKey_ReturnsNull()
    {
        var registry = Registry();

        Assert.Null(registry.Authenticate(["alpha-key "]));
        Assert.Null(registry.Authenticate(["ALPHA-KEY"]));
        Assert.Null(registry.Authenticate([]));
    }

    [Fact]
    public void Authenticate_SecondCandidateMatches_ReturnsClient() =>
        Assert.Equal("alpha", Registry().Authenticate(["wrong", "alpha-key"])?.Name);

    [Fact]
    public void IsAdmin_OnlyTheAdminKey()
    {
        var registry = Registry("admin-key");

        Assert.True(registry.IsAdmin(["admin-key"]));
        Assert.False(registry.IsAdmin(["alpha-key"]));
        Assert.False(Registry().IsAdmin(["admin-key"]));
        Assert.False(Registry().AdminEnabled);
    }

    [Fact]
    public void MayUse_AllowedUpstreams_EmptyMeansAll()
    {
        var registry = Registry();

        Assert.True(registry.Find("alpha")!.MayUse("anthropic"));
        Assert.True(registry.Find("beta")!.MayUse("OpenAI"));
        Assert.False(registry.Find("beta")!.MayUse("anthropic"));
    }
}
