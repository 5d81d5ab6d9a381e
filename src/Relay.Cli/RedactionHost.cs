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

    public static ServiceProvider Create(CommandLine line)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRelayRedaction();
        services.AddDefaultRecognizers();
        services.AddNerModel(options =>
        {
            options.Enabled = !line.Has(NoNerOption);
            if (line.Value(ModelOption) is { } model)
            {
                options.ModelPath = model;
            }
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
