using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Benchmarks.Micro;

/// <summary>The redaction services as the gateway wires them, with the NER model on or off.</summary>
internal static class RedactionServices
{
    /// <param name="ner">Whether the shipped NER model is loaded.</param>
    /// <param name="maxParallelism"><see cref="NerOptions.MaxParallelism"/>: 0 (the default) cuts predictions into parts on idle cores, 1 keeps one core.</param>
    public static ServiceProvider Create(bool ner, int maxParallelism = 0)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRelayRedaction();
        services.AddDefaultRecognizers();
        services.AddNerModel(options =>
        {
            options.Enabled = ner;
            options.IntraOpThreads = 1;
            options.MaxParallelism = maxParallelism;
        });
        return services.BuildServiceProvider();
    }
}
