using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Benchmarks.Micro;

/// <summary>The redaction services as the gateway wires them, with the NER model on or off.</summary>
internal static class RedactionServices
{
    public static ServiceProvider Create(bool ner)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRelayRedaction();
        services.AddDefaultRecognizers();
        services.AddNerModel(options =>
        {
            options.Enabled = ner;
            options.IntraOpThreads = 1;
        });
        return services.BuildServiceProvider();
    }
}
