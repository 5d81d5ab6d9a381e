namespace StealthRelay.Cli;

/// <summary>A tiny parser for <c>--name value</c> and <c>--flag</c> options.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    public static CommandLine Parse(string[] args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (flagOptions.Contains(name))
            {
                line._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                if (i + 1 >= args.Length)
                {
                    throw new UsageException($"{name} needs a value.");
                }

                if (!line._values.TryGetValue(name, out var list))
                {
                    line._values[name] = list = [];
                }

                list.Add(args[++i]);
            }
            else
            {
                throw new UsageException($"unknown option '{name}'.");
            }
        }

        return line;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public string Required(string name) => Value(name) ?? throw new UsageException($"{name} is required.");
}
