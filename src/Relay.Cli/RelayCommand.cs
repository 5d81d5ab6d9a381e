using StealthRelay.Cli.Commands;
using StealthRelay.Redaction.Ner;

namespace StealthRelay.Cli;

/// <summary>The <c>relay</c> command: dispatches to a sub-command.</summary>
internal static class RelayCommand
{
    internal const string Usage = """
        relay: audit and operate StealthRelay redaction.

        Usage:
          relay analyze --input IN.jsonl --output OUT.jsonl [--no-ner] [--model DIR] [--device cpu|cuda]
                        [--policy FILE]
              Each input line is {"id": ..., "text": "..."}; each output line is
              {"id": ..., "entities": [{"type", "start", "end", "score"}]} (UTF-16 offsets, end exclusive),
              in input order. Use - for stdin/stdout.
          relay redact [--input FILE|-] [--no-ner] [--model DIR] [--device cpu|cuda] [--policy FILE]
              Reads text, writes the sanitized text to stdout and a summary (entity types and counts only)
              to stderr.
          relay eval --bio FILE | --jsonl FILE [...] [--model DIR] [--device cpu|cuda] [--analyzer [--policy FILE]]
                     [--max-sentences N] [--format text|json]
              Span-level precision, recall and F1 per entity type, and the share of gold values wholly
              redacted / missed; --analyzer scores rules + model + policy, as the gateway redacts.
          --device cuda: run the model on the GPU (the GPU build of ONNX Runtime, docs/ner.md "CUDA").
          --policy FILE: a JSON object shaped like the gateway's Relay:Redaction:Policy section.

        Exit codes: 0 success, 1 failure, 2 usage error.
        """;

    public static async Task<int> RunAsync(
        string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "analyze" => await AnalyzeCommand.RunAsync(rest, stdin, stdout, stderr, cancellationToken),
                "redact" => await RedactCommand.RunAsync(rest, stdin, stdout, stderr, cancellationToken),
                "eval" => await EvalCommand.RunAsync(rest, stdout, stderr, cancellationToken),
                _ => await UnknownAsync(args[0], stderr),
            };
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"relay {args[0]}: {ex.Message}");
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NerModelException)
        {
            // File and model errors name paths and what to fix, never text read from the input.
            await stderr.WriteLineAsync($"relay {args[0]}: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> UnknownAsync(string command, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"relay: unknown command '{command}'. Run 'relay --help'.");
        return 2;
    }
}
