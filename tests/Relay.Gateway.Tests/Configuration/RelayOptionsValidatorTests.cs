using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Gateway.Tests.Configuration;

public sealed class RelayOptionsValidatorTests
{
    private static RelayOptions Valid() => new()
    {
        Upstreams =
        {
            ["openai"] = new UpstreamOptions { Protocol = UpstreamProtocol.OpenAI, BaseUrl = "https://api.openai.com" },
            ["anthropic"] = new UpstreamOptions { Protocol = UpstreamProtocol.Anthropic, BaseUrl = "https://proxy.example/anthropic" },
        },
    };

    private static IReadOnlyList<string> Errors(RelayOptions options) =>
        new RelayOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new RelayOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Fact]
    public void Validate_EchoWithoutBaseUrl_Succeeds()
    {
        var options = Valid();
        options.Upstreams["openai"] = new UpstreamOptions { Protocol = UpstreamProtocol.Echo };

        Assert.Empty(Errors(options));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("api.openai.com")]
    [InlineData("ftp://api.openai.com")]
    [InlineData("https://api.openai.com/?x=1")]
    public void Validate_BadBaseUrl_ReportsBaseUrl(string? baseUrl)
    {
        var options = Valid();
        options.Upstreams["openai"].BaseUrl = baseUrl;

        Assert.Contains(Errors(options), e => e.Contains("Relay:Upstreams:openai:BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingProtocol_ReportsProtocol()
    {
        var options = Valid();
        options.Upstreams["openai"].Protocol = null;

        Assert.Contains(Errors(options), e => e.Contains("Relay:Upstreams:openai:Protocol", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RoutingToUnknownUpstream_ReportsRouting()
    {
        var options = Valid();
        options.Routing.Anthropic = "claude";

        Assert.Contains(Errors(options), e => e.Contains("Relay:Routing:Anthropic", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RoutingToWrongProtocol_ReportsRouting()
    {
        var options = Valid();
        options.Routing.OpenAI = "anthropic";

        Assert.Contains(Errors(options), e => e.Contains("Relay:Routing:OpenAI", StringComparison.Ordinal) && e.Contains("Anthropic", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmptyRouting_DisablesFamilyWithoutError()
    {
        var options = Valid();
        options.Routing.Anthropic = "";

        Assert.Empty(Errors(options));
    }

    [Fact]
    public void Validate_ManyProblems_AllReportedTogether()
    {
        var options = Valid();
        options.Upstreams["openai"].BaseUrl = "not a url";
        options.Upstreams["anthropic"].ApiKey = " ";
        options.Limits.MaxRequestBodyBytes = 0;
        options.Privacy.HmacKey = "short";
        options.Redaction.Policy = new RedactionPolicy { DefaultMinScore = 1.5, PlaceholderFormat = "<{type}>" };

        var errors = Errors(options);

        Assert.Contains(errors, e => e.Contains("openai:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("anthropic:ApiKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("MaxRequestBodyBytes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("HmacKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Policy:DefaultMinScore", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Policy:PlaceholderFormat", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UpstreamPolicyBadRegex_ReportsWithoutEchoingPattern()
    {
        var options = Valid();
        options.Upstreams["openai"].Policy = new RedactionPolicy { DenyList = [new DenyRule { Pattern = "project-(titan", IsRegex = true }] };

        var error = Assert.Single(Errors(options));

        Assert.Contains("Relay:Upstreams:openai:Policy:DenyList:0:Pattern", error, StringComparison.Ordinal);
        Assert.DoesNotContain("titan", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UpstreamPolicyWithEngineValidators_ReportsUpstreamPath()
    {
        using var provider = new ServiceCollection().AddRelayRedaction().BuildServiceProvider();
        var validator = new RelayOptionsValidator(provider.GetServices<IValidateOptions<RedactionOptions>>());
        var options = Valid();
        options.Upstreams["openai"].Policy = new RedactionPolicy { PlaceholderFormat = "{type}", DefaultMinScore = 2 };

        var errors = validator.Validate(null, options).Failures?.ToList() ?? [];

        Assert.Contains(errors, e => e.StartsWith("Relay:Upstreams:openai:Policy:PlaceholderFormat", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Relay:Upstreams:openai:Policy:DefaultMinScore", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("Relay:Redaction:Policy", StringComparison.Ordinal));
    }
}
