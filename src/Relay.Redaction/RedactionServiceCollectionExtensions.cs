using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Diagnostics;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Recognizers;
using StealthRelay.Redaction.Rehydration;

// The conventional namespace for IServiceCollection extensions, so callers need no extra using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the redaction library.</summary>
public static class RedactionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the analyzer (recognizers + optional NER model), the request redactor, the response restorer and the
    /// text redactor, with <see cref="RedactionOptions"/> validated at start-up. Every registration is TryAdd, so a
    /// host may register its own first. Recognizers are every registered <c>IRecognizer</c>; the NER model is used
    /// when an <c>INerModel</c> is registered.
    /// </summary>
    public static IServiceCollection AddRelayRedaction(this IServiceCollection services, Action<RedactionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RedactionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedactionOptions>, RedactionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPiiAnalyzer, PiiAnalyzer>();
        services.TryAddSingleton<RedactionDiagnostics>();
        services.TryAddSingleton<IRequestRedactor, JsonRequestRedactor>();
        services.TryAddSingleton<IResponseRestorer, ResponseRestorer>();
        services.TryAddSingleton<TextRedactor>();

        services.AddDefaultRecognizers();
        return services;
    }
}
