using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Redaction.Tests.Analysis;

public class RedactionServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddRelayRedaction_WithRecognizers_ResolvesAWorkingPipeline()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IRecognizer, EmailTestRecognizer>();
        services.AddRelayRedaction(o => o.DetectionTimeout = TimeSpan.FromSeconds(10));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var redactor = provider.GetRequiredService<IRequestRedactor>();
        using var request = await redactor.RedactAsync(Encoding.UTF8.GetBytes("""{"messages":[{"role":"user","content":"ann@x.io"}]}"""), ApiShape.OpenAIChatCompletions, provider.GetRequiredService<IOptions<RedactionOptions>>().Value.Policy, CancellationToken.None);
        Assert.Equal("""{"messages":[{"role":"user","content":"[EMAIL_ADDRESS_1]"}]}""", Encoding.UTF8.GetString(request.Body.Span));
        var restored = provider.GetRequiredService<IResponseRestorer>().RestoreJson("""{"choices":[{"message":{"content":"[EMAIL_ADDRESS_1]"}}]}"""u8, ApiShape.OpenAIChatCompletions, request.Vault);
        Assert.Equal("""{"choices":[{"message":{"content":"ann@x.io"}}]}""", Encoding.UTF8.GetString(restored));
        Assert.NotNull(provider.GetRequiredService<TextRedactor>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddRelayRedaction_ExistingRegistrations_AreKept()
    {
        var services = new ServiceCollection();
        var analyzer = new PiiAnalyzer([], Options.Create(new RedactionOptions()), TimeProvider.System);
        services.AddSingleton<IPiiAnalyzer>(analyzer);
        services.AddRelayRedaction();
        services.AddRelayRedaction();
        using var provider = services.BuildServiceProvider();
        Assert.Same(analyzer, provider.GetRequiredService<IPiiAnalyzer>());
        Assert.Single(services, d => d.ServiceType == typeof(IRequestRedactor));
    }

    [Fact]
    public void AddRelayRedaction_InvalidOptions_ReportsEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddRelayRedaction(o =>
        {
            o.DetectionTimeout = TimeSpan.Zero;
            o.Policy = new RedactionPolicy { PlaceholderFormat = "{type}", DefaultMinScore = 2, DenyList = [new DenyRule { Pattern = "(", IsRegex = true }] };
        });
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedactionOptions>>().Value);
        Assert.Equal(4, ex.Failures.Count());
    }

    [Fact]
    public void RedactionPolicyValidator_DefaultPolicy_IsValid()
    {
        Assert.Empty(RedactionPolicyValidator.Validate(RedactionPolicy.Default, "p"));
        Assert.Contains("p:PlaceholderFormat", RedactionPolicyValidator.Validate(new RedactionPolicy { PlaceholderFormat = "x" }, "p")[0], StringComparison.Ordinal);
    }
}
