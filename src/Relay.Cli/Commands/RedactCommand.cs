using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Cli.Commands;

/// <summary><c>relay redact</c>: text in, sanitized text out, and a summary of types and counts (never values).</summary>
internal static class RedactCommand
{
    private static readonly HashSet<string> ValueOptions = ["--input", RedactionHost.ModelOption, RedactionHost.PolicyOption, RedactionHost.DeviceOption];
    private static readonly HashSet<string> FlagOptions = [RedactionHost.NoNerOption];

    public static async Task<int> RunAsync(
        string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(args, ValueOptions, FlagOptions);
        var policy = RedactionHost.LoadPolicy(line.Value(RedactionHost.PolicyOption));
        var input = line.Value("--input") ?? "-";
        var text = input == "-" ? await stdin.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(input, cancellationToken);

        await using var services = RedactionHost.Create(line);
        var redactor = services.GetRequiredService<TextRedactor>();
        var result = await redactor.RedactAsync(text, policy, cancellationToken);
        using (result.Vault)
        {
            await stdout.WriteAsync(result.Text);
            await stdout.FlushAsync(cancellationToken);
        }

        var total = result.EntityCounts.Values.Sum();
        var summary = string.Join(", ", result.EntityCounts.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
        await stderr.WriteLineAsync($"relay redact: replaced {total} value(s){(total > 0 ? ": " + summary : "")}");
        return 0;
    }
}
