using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace StealthRelay.IntegrationTests.ZeroDisk;

/// <summary>
/// The real gateway binary (<c>dotnet Relay.Gateway.dll</c> from its build output) as a child process, optionally
/// under strace, on a loopback port it picks itself. Its stdout and stderr are kept in memory for inspection.
/// </summary>
internal sealed partial class GatewayProcess : IAsyncDisposable
{
    public const string StracePath = "/usr/bin/strace";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatewayProcess(Process process, string? traceLog)
    {
        _process = process;
        TraceLog = traceLog;
    }

    /// <summary>The strace log, when running under strace.</summary>
    public string? TraceLog { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// True when strace is installed and may trace here (a container without ptrace rights makes it fail at once;
    /// the test then falls back to inotify rather than failing for the wrong reason).
    /// </summary>
    public static bool StraceWorks()
    {
        if (!File.Exists(StracePath))
        {
            return false;
        }

        using var probe = Process.Start(new ProcessStartInfo(StracePath, ["-f", "-qq", "-o", "/dev/null", "/bin/true"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        probe.StandardError.ReadToEnd();
        probe.WaitForExit();
        return probe.ExitCode == 0;
    }

    /// <summary>The gateway's build output (same configuration as this test assembly).</summary>
    public static string GatewayDll()
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testDir.Parent!.Name; // .../bin/<Configuration>/net10.0
        var root = testDir;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "StealthRelay.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? "", "src", "Relay.Gateway", "bin", configuration, testDir.Name, "Relay.Gateway.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The gateway build output is missing: {dll} (build src/Relay.Gateway -c {configuration}).");
    }

    public static async Task<GatewayProcess> StartAsync(
        IDictionary<string, string> environment, string? traceLog, CancellationToken cancellationToken)
    {
        var dll = GatewayDll();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (traceLog is not null)
        {
            info.FileName = StracePath;
            foreach (var arg in new[] { "-f", "-qq", "-y", "-s", "0", "--seccomp-bpf", "-e", "trace=" + SyscallTrace.Traced, "-o", traceLog, dotnet })
            {
                info.ArgumentList.Add(arg);
            }
        }
        else
        {
            info.FileName = dotnet;
        }

        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var gateway = new GatewayProcess(process, traceLog);
        process.OutputDataReceived += (_, e) => gateway.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            gateway.BaseAddress = await gateway._listening.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await gateway.DisposeAsync();
            throw new InvalidOperationException("The gateway did not report its address. Output:\n" + gateway.Output);
        }

        return gateway;
    }

    /// <summary>Sends SIGTERM to the gateway (the traced child, not strace) and waits for everything to exit.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var pid = _process.Id;
        if (TraceLog is not null)
        {
            // With -f every line starts with the pid; the first is the gateway itself (strace execs it directly).
            var first = File.ReadLines(TraceLog).First();
            pid = int.Parse(first[..first.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        }

        using (var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Value));
        }
    }

    [GeneratedRegex(@"(?<=Now listening on: )http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();
}
