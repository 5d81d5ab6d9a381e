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
    /// <see cref="NerOptions.Enabled"/> is true. The options are read here, once, after <paramref name="configure"/> ran
    /// (bind <c>Relay:Ner</c> inside it). Fails closed: when the model is enabled but its folder (the configured
    /// <see cref="NerOptions.ModelPath"/>, or the shipped <see cref="NerOptions.DefaultModelFolder"/>) is missing or
    /// incomplete, this throws <see cref="NerModelException"/> at start-up instead of running on recognizers alone,
    /// which would forward names and addresses unredacted. Set <see cref="NerOptions.Enabled"/> to false to run without
    /// the model on purpose.
    /// </summary>
    public static IServiceCollection AddNerModel(this IServiceCollection services, Action<NerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddNerModel(services, configure, NerModelFolder.Resolve);
    }

    /// <summary><see cref="AddNerModel(IServiceCollection, Action{NerOptions}?)"/> with the folder lookup passed in (tests).</summary>
    internal static IServiceCollection AddNerModel(IServiceCollection services, Action<NerOptions>? configure, Func<string?, string?> resolveFolder)
    {
        var options = new NerOptions();
        configure?.Invoke(options);
        if (!options.Enabled)
        {
            return services;
        }

        ValidateNumbers(options);

        var folder = resolveFolder(options.ModelPath) ?? throw new NerModelException(string.IsNullOrWhiteSpace(options.ModelPath)
            ? $"Relay:Ner:Enabled is true but the shipped NER model '{NerOptions.DefaultModelFolder}' was not found (looked next to "
                + "the binaries, then under the current directory and its parents). Without it person names, addresses and "
                + "organisations would be forwarded unredacted. Set Relay:Ner:ModelPath to a token-classification export, "
                + "or set Relay:Ner:Enabled=false to run on the rule recognizers alone."
            : $"Relay:Ner:ModelPath '{options.ModelPath}' was not found. Point Relay:Ner:ModelPath at a token-classification "
                + "export, or set Relay:Ner:Enabled=false to run on the rule recognizers alone.");
        NerModelFolder.Validate(folder);
        options.ModelPath = folder;
        services.TryAddSingleton<INerModel>(provider => new OnnxNerModel(
            options,
            provider.GetService<ILoggerFactory>()?.CreateLogger<OnnxNerModel>() ?? NullLogger<OnnxNerModel>.Instance));
        return services;
    }

    /// <summary>Throws one <see cref="NerModelException"/> naming every numeric setting out of range.</summary>
    private static void ValidateNumbers(NerOptions options)
    {
        var errors = new List<string>();
        if (options.MaxBatchSize < 1)
        {
            errors.Add($"Relay:Ner:MaxBatchSize is {options.MaxBatchSize}; it must be at least 1.");
        }

        if (options.WindowStride < 0)
        {
            errors.Add($"Relay:Ner:WindowStride is {options.WindowStride}; it must be 0 or more.");
        }

        if (options.MaxParallelism < 0)
        {
            errors.Add($"Relay:Ner:MaxParallelism is {options.MaxParallelism}; it must be 0 (the processor count) or more.");
        }

        if (options.IntraOpThreads < 0)
        {
            errors.Add($"Relay:Ner:IntraOpThreads is {options.IntraOpThreads}; it must be 0 or more.");
        }

        if (errors.Count > 0)
        {
            throw new NerModelException(string.Join(' ', errors));
        }
    }
}
