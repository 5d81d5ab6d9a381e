using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StealthRelay.Redaction.Ner;

/// <summary>Registers the ONNX NER model.</summary>
public static class NerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="INerModel"/> (an <see cref="OnnxNerModel"/> singleton, loaded on first use) when
    /// <see cref="NerOptions.Enabled"/> is true and the model folder resolves. The options are read here, once, after
    /// <paramref name="configure"/> ran (bind <c>Relay:Ner</c> inside it). With the default path and no shipped model
    /// nothing is registered (recognizers only); an explicitly configured folder that is missing or incomplete throws
    /// <see cref="NerModelException"/> here, at start-up.
    /// </summary>
    public static IServiceCollection AddNerModel(this IServiceCollection services, Action<NerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new NerOptions();
        configure?.Invoke(options);
        if (!options.Enabled)
        {
            return services;
        }

        var folder = NerModelFolder.Resolve(options.ModelPath);
        if (folder is null)
        {
            if (string.IsNullOrWhiteSpace(options.ModelPath))
            {
                return services;
            }

            throw new NerModelException(
                $"Relay:Ner:ModelPath '{options.ModelPath}' was not found. Point it at a token-classification export or set Relay:Ner:Enabled=false.");
        }

        NerModelFolder.Validate(folder);
        options.ModelPath = folder;
        services.TryAddSingleton<INerModel>(provider => new OnnxNerModel(
            options,
            provider.GetService<ILoggerFactory>()?.CreateLogger<OnnxNerModel>() ?? NullLogger<OnnxNerModel>.Instance));
        return services;
    }
}
