using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Cli;

/// <summary>Builds the same redaction services the gateway uses, for the command line.</summary>
internal static class RedactionHost
{
    public const string NoNerOption = "--no-ner";
    public const string ModelOption = "--model";

    public static ServiceProvider Create(CommandLine line) => Create(ner: !line.Has(NoNerOption), line.Value(ModelOption));

    /// <param name="ner">Whether the NER model runs next to the rule recognizers.</param>
    /// <param name="model">The model folder; null: the shipped model.</param>
    public static ServiceProvider Create(bool ner, string? model)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRelayRedaction();
        services.AddDefaultRecognizers();
        services.AddNerModel(options =>
        {
            options.Enabled = ner;
            if (model is not null)
            {
                options.ModelPath = model;
            }
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
