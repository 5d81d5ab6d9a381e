namespace StealthRelay.Cli.Tests.Commands;

/// <summary>Runs <c>relay</c> in-process on in-memory stdin/stdout/stderr.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> RunAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RelayCommand.RunAsync(args, input, output, error, CancellationToken.None);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
