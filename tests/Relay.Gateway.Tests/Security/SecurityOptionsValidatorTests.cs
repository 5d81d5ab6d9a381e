using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Security;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Gateway.Tests.Security;

public sealed class SecurityOptionsValidatorTests
{
    private const string ValidHash = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    private static RelayOptions Options()
    {
        var options = new RelayOptions
        {
            Routing = new RoutingOptions { OpenAI = "openai", Anthropic = "anthropic" },
        };
        options.Upstreams["openai"] = new UpstreamOptions { Protocol = UpstreamProtocol.OpenAI, BaseUrl = "https://api.openai.com", ApiKey = "sk-1" };
        options.Upstreams["anthropic"] = new UpstreamOptions { Protocol = UpstreamProtocol.Anthropic, BaseUrl = "https://api.anthropic.com", ApiKey = "sk-2" };
        return options;
    }

    private static IEnumerable<string> Failures(RelayOptions options) =>
        new SecurityOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.Empty(Failures(new RelayOptions()));

    [Fact]
    public void Validate_ValidClient_Succeeds()
    {
        var options = Options();
        options.Clients["a"] = new ClientOptions { KeySha256 = ValidHash, AllowedUpstreams = ["openai"], RateLimit = new RateLimitOptions { PermitLimit = 3 } };

        Assert.Empty(Failures(options));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("zz26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae")]
    public void Validate_BadKeyHash_Fails(string? hash)
    {
        var options = Options();
        options.Clients["a"] = new ClientOptions { KeySha256 = hash };

        Assert.Contains(Failures(options), f => f.StartsWith("Relay:Clients:a:KeySha256", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ClientsAndRoutedUpstreamWithoutKey_Fails_EchoExempt()
    {
        var options = Options();
        options.Clients["a"] = new ClientOptions { KeySha256 = ValidHash };
        options.Upstreams["anthropic"].ApiKey = null;
        options.Upstreams["openai"] = new UpstreamOptions { Protocol = UpstreamProtocol.Echo };

        var failure = Assert.Single(Failures(options));
        Assert.Contains("Relay:Upstreams:anthropic:ApiKey is required", failure, StringComparison.Ordinal);
        Assert.Contains("Relay:Routing:Anthropic", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AllErrorsReportedTogether()
    {
        var options = Options();
        options.Clients["a"] = new ClientOptions
        {
            KeySha256 = ValidHash,
            AllowedUpstreams = ["nowhere"],
            Policy = new RedactionPolicy { DefaultMinScore = 2 },
            RateLimit = new RateLimitOptions { PermitLimit = -1, Window = TimeSpan.Zero, QueueLimit = -1 },
        };
        options.Clients["b"] = new ClientOptions { KeySha256 = ValidHash.ToUpperInvariant() };
        options.Admin.KeySha256 = ValidHash;
        options.Limits.MaxJsonDepth = 500;
        options.Limits.MaxConcurrentConnections = 0;

        var failures = Failures(options).ToList();

        Assert.Contains(failures, f => f.Contains("AllowedUpstreams names 'nowhere'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Relay:Clients:a:Policy", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Relay:Clients:a:RateLimit:PermitLimit", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Relay:Clients:a:RateLimit:Window", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Relay:Clients:a:RateLimit:QueueLimit", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Relay:Clients:b:KeySha256 is the same", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Relay:Admin:KeySha256 is the same", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Relay:Limits:MaxJsonDepth", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Relay:Limits:MaxConcurrentConnections", StringComparison.Ordinal));
    }
}
