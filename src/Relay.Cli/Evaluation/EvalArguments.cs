using System.Globalization;
using StealthRelay.Redaction.Ner;

namespace StealthRelay.Cli.Evaluation;

/// <summary>The parsed arguments of <c>relay eval</c>.</summary>
internal sealed class EvalArguments
{
    public const string Usage = """
        usage: relay eval [--model DIR] [--device cpu|cuda] [--analyzer [--policy FILE]] (--bio FILE | --jsonl FILE)...
                          [--max-sentences N] [--format text|json] [--map TAG=TYPE]... [--batch-size N]
          --model DIR          token-classification export folder (default: the shipped models/stealthrelay-ner)
          --device cpu|cuda    where the model runs (default cpu; cuda needs the GPU build, docs/ner.md)
          --analyzer           score what the gateway would redact (rule recognizers + model, fused, default
                               policy) instead of the model alone
          --policy FILE        with --analyzer: the policy to apply, a JSON object shaped like the gateway's
                               Relay:Redaction:Policy section (MinScores, AllowList, DenyList, Entities, ...)
          --bio FILE           token<TAB>BIO-tag file (WikiANN 'xx:token' prefixes are stripped), repeatable
          --jsonl FILE         {"text":..., "spans":[{"type","start","end"}]} per line, repeatable
          --max-sentences N    read at most N sentences from each file
          --format text|json   output format (default text)
          --map TAG=TYPE       map a gold tag type to an entity type (TYPE empty: ignore it), repeatable
          --batch-size N       sentences per Predict call (default 64); with --analyzer each sentence
                               or document is its own request
        """;

    public string? Model { get; private set; }

    /// <summary>Where the model runs.</summary>
    public NerDevice Device { get; private set; }

    /// <summary>Score the whole analyzer (rules + model + policy), not the model alone.</summary>
    public bool Analyzer { get; private set; }

    /// <summary>The policy file for <see cref="Analyzer"/>; null: the default policy.</summary>
    public string? Policy { get; private set; }

    public List<(string Path, string Format)> Sources { get; } = [];

    public int MaxSentences { get; private set; } = int.MaxValue;

    public bool Json { get; private set; }

    public int BatchSize { get; private set; } = 64;

    public Dictionary<string, string> TagMap { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses <paramref name="args"/> (a leading <c>eval</c> is skipped); returns null and sets <paramref name="error"/> when invalid.</summary>
    public static EvalArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var parsed = new EvalArguments();
        error = null;
        var start = args.Count > 0 && args[0] == "eval" ? 1 : 0;
        for (var i = start; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                error = string.Empty;
                return null;
            }

            if (name == "--analyzer")
            {
                parsed.Analyzer = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--model":
                    parsed.Model = value;
                    break;
                case "--device":
                    try
                    {
                        parsed.Device = RedactionHost.ParseDevice(value);
                    }
                    catch (UsageException ex)
                    {
                        error = ex.Message;
                        return null;
                    }

                    break;
                case "--policy":
                    parsed.Policy = value;
                    break;
                case "--bio":
                    parsed.Sources.Add((value, "bio"));
                    break;
                case "--jsonl":
                    parsed.Sources.Add((value, "jsonl"));
                    break;
                case "--max-sentences" or "--batch-size":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
                    {
                        error = $"{name} needs a positive integer.";
                        return null;
                    }

                    if (name == "--batch-size")
                    {
                        parsed.BatchSize = number;
                    }
                    else
                    {
                        parsed.MaxSentences = number;
                    }

                    break;
                case "--format":
                    if (value is not ("text" or "json"))
                    {
                        error = "--format is text or json.";
                        return null;
                    }

                    parsed.Json = value == "json";
                    break;
                case "--map":
                    var equals = value.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        error = "--map needs TAG=TYPE.";
                        return null;
                    }

                    parsed.TagMap[value[..equals]] = value[(equals + 1)..];
                    break;
                default:
                    error = $"unknown option {name}.";
                    return null;
            }
        }

        if (parsed.Sources.Count == 0)
        {
            error = "give at least one --bio or --jsonl file.";
            return null;
        }

        if (parsed.Policy is not null && !parsed.Analyzer)
        {
            error = "--policy applies to --analyzer (the model alone has no policy).";
            return null;
        }

        return parsed;
    }
}
