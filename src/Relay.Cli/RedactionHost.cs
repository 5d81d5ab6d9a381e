using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Policy;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Cli;

/// <summary>Builds the same redaction services the gateway uses, for the command line.</summary>
internal static class RedactionHost
{
    public const string NoNerOption = "--no-ner";
    public const string ModelOption = "--model";
    public const string PolicyOption = "--policy";
    public const string DeviceOption = "--device";

    public static ServiceProvider Create(CommandLine line) =>
        Create(ner: !line.Has(NoNerOption), line.Value(ModelOption), ParseDevice(line.Value(DeviceOption)));

    /// <summary><c>cpu</c> (also when null) or <c>cuda</c>, any case; otherwise a <see cref="UsageException"/>.</summary>
    public static NerDevice ParseDevice(string? value) => value?.ToUpperInvariant() switch
    {
        null or "CPU" => NerDevice.Cpu,
        "CUDA" => NerDevice.Cuda,
        _ => throw new UsageException($"{DeviceOption} is cpu or cuda (was '{value}')."),
    };

    /// <param name="ner">Whether the NER model runs next to the rule recognizers.</param>
    /// <param name="model">The model folder; null: the shipped model.</param>
    /// <param name="device">Where the model runs (<c>Relay:Ner:Device</c>); CUDA needs the GPU build of ONNX Runtime.</param>
    public static ServiceProvider Create(bool ner, string? model, NerDevice device = NerDevice.Cpu)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRelayRedaction();
        services.AddDefaultRecognizers();
        services.AddNerModel(options =>
        {
            options.Enabled = ner;
            options.Device = device;
            if (model is not null)
            {
                options.ModelPath = model;
            }
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>
    /// The policy in <paramref name="path"/>: a JSON object shaped like the gateway's <c>Relay:Redaction:Policy</c>
    /// section (<c>Entities</c>, <c>AllowList</c>, <c>DenyList</c>, <c>MinScores</c>, <c>DefaultMinScore</c>, ...), read
    /// with the same JSON configuration provider and binder as the gateway's section, so a team can score the policy it
    /// deploys. Null path: the default policy. Throws <see cref="UsageException"/> when the file is not such an object
    /// or the policy is invalid.
    /// </summary>
    public static RedactionPolicy LoadPolicy(string? path)
    {
        if (path is null)
        {
            return RedactionPolicy.Default;
        }

        RedactionPolicy policy;
        try
        {
            using var file = File.OpenRead(path);
            policy = new ConfigurationBuilder().AddJsonStream(file).Build().Get<RedactionPolicy>() ?? new RedactionPolicy();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or InvalidOperationException or JsonException)
        {
            throw new UsageException($"{PolicyOption} {path}: not a policy object ({ex.Message}).");
        }

        var problems = RedactionPolicyValidator.Validate(policy, PolicyOption);
        return problems.Count == 0 ? policy : throw new UsageException(string.Join(" ", problems));
    }
}
