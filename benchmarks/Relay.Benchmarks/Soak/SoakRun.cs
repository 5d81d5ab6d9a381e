using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Benchmarks.EndToEnd;

namespace StealthRelay.Benchmarks.Soak;

/// <summary>
/// The soak run (issue "Resilience, observability and hardening", §4): the real gateway executable, default
/// configuration with the shipped NER model, as its own process on loopback, under a bounded closed-loop load of mixed
/// 1 KB and 16 KB chat requests, plain and streamed, for a fixed time. Every answer must come back 200 with the
/// prompt's values restored; the gateway's resident memory (VmRSS) is sampled throughout.
/// </summary>
internal static class SoakRun
{
    private const string RestoredCanary = "maria.schneider@example.com";

    public static async Task<int> RunAsync(string[] args)
    {
        var minutes = DoubleArg(args, "--minutes", 10);
        var concurrency = (int)DoubleArg(args, "--concurrency", 4);
        var sampleSeconds = DoubleArg(args, "--sample-seconds", 30);
        var gatewayDll = StringArg(args, "--gateway") ?? DefaultGatewayDll();

        await using var provider = await FakeProvider.StartAsync();
        var providerUrl = provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = FreeLoopbackPort();
        using var gateway = StartGateway(gatewayDll, port, providerUrl);
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromSeconds(30),
            };
            await WaitReadyAsync(client, gateway);
            var startRss = ResidentMegabytes(gateway);

            var payloads = BuildPayloads();
            var window = new SoakWindow();
            var rows = new List<SoakSample>();
            var total = Stopwatch.StartNew();
            var duration = TimeSpan.FromMinutes(minutes);
            using var stop = new CancellationTokenSource(duration);
            var workers = Enumerable.Range(0, concurrency).Select(worker => WorkAsync(client, payloads, worker, window, stop.Token)).ToArray();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(sampleSeconds), stop.Token);
                }
                catch (OperationCanceledException)
                {
                }

                var sample = window.Take(total.Elapsed, ResidentMegabytes(gateway));
                rows.Add(sample);
                Console.Error.WriteLine(sample.ToRow());
            }

            await Task.WhenAll(workers);
            Console.WriteLine(Report(rows, startRss, minutes, concurrency, sampleSeconds));
            return rows.Sum(r => r.Errors) == 0 && !gateway.HasExited ? 0 : 1;
        }
        finally
        {
            Stop(gateway);
        }
    }

    private static async Task WorkAsync(HttpClient client, (string Body, bool Stream)[] payloads, int worker, SoakWindow window, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        for (var i = worker; !stop.IsCancellationRequested; i++)
        {
            var (body, stream) = payloads[i % payloads.Length];
            var watch = Stopwatch.StartNew();
            var ok = false;
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("/v1/chat/completions", content, CancellationToken.None);
                var text = await ReadAllAsync(response, buffer);
                // A streamed answer splits the canary over deltas; count it restored when its pieces are all there.
                ok = response.StatusCode == HttpStatusCode.OK && (stream ? Joined(text).Contains(RestoredCanary, StringComparison.Ordinal)
                    : text.Contains(RestoredCanary, StringComparison.Ordinal));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                ok = false;
            }

            window.Record(watch.Elapsed.TotalMilliseconds, ok);
        }
    }

    private static async Task<string> ReadAllAsync(HttpResponseMessage response, byte[] buffer)
    {
        await using var body = await response.Content.ReadAsStreamAsync(CancellationToken.None);
        using var all = new MemoryStream();
        int read;
        while ((read = await body.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            all.Write(buffer, 0, read);
        }

        return Encoding.UTF8.GetString(all.GetBuffer(), 0, (int)all.Length);
    }

    /// <summary>The concatenated delta contents of an OpenAI chat stream.</summary>
    private static string Joined(string sse)
    {
        var text = new StringBuilder();
        foreach (var line in sse.Split('\n'))
        {
            if (!line.StartsWith("data: {", StringComparison.Ordinal))
            {
                continue;
            }

            using var chunk = JsonDocument.Parse(line.AsMemory(6));
            var choices = chunk.RootElement.GetProperty("choices");
            if (choices.GetArrayLength() > 0 && choices[0].GetProperty("delta").TryGetProperty("content", out var piece))
            {
                text.Append(piece.GetString());
            }
        }

        return text.ToString();
    }

    /// <summary>40% 1 KB plain, 40% 1 KB streamed, 10% 16 KB plain, 10% 16 KB streamed.</summary>
    private static (string Body, bool Stream)[] BuildPayloads()
    {
        var small = Prompts.OfSize(1024);
        var large = Prompts.OfSize(16384);
        var mix = new List<(string, bool)>();
        for (var i = 0; i < 4; i++)
        {
            mix.Add((Body(small, false), false));
            mix.Add((Body(small, true), true));
        }

        mix.Add((Body(large, false), false));
        mix.Add((Body(large, true), true));
        return [.. mix];
    }

    private static string Body(string prompt, bool stream) => JsonSerializer.Serialize(new
    {
        model = "soak",
        stream,
        messages = new object[]
        {
            new { role = "system", content = "You are a helpful assistant." },
            new { role = "user", content = prompt },
        },
    });

    private static Process StartGateway(string dll, int port, string providerUrl)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Relay__Upstreams__openai__BaseUrl"] = providerUrl;
        start.Environment["Relay__RateLimit__PermitLimit"] = "0"; // one client IP: measure the pipeline, not the limiter
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the gateway");
        // Drain its output so it never blocks on a full pipe; the gateway logs no content, and nothing is kept.
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"gateway: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient client, Process gateway)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (gateway.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited with code {gateway.ExitCode} during start-up");
            }

            try
            {
                using var response = await client.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the gateway did not become ready within 90 s");
    }

    private static void Stop(Process gateway)
    {
        if (gateway.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", gateway.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!gateway.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            gateway.Kill(entireProcessTree: true);
        }
    }

    /// <summary>VmRSS of the process in MiB, from /proc.</summary>
    private static double ResidentMegabytes(Process process)
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DefaultGatewayDll() => Path.Combine(RepositoryRoot(), "src", "Relay.Gateway", "bin", "Release", "net10.0", "Relay.Gateway.dll");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StealthRelay.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("StealthRelay.sln not found above the benchmark's folder");
    }

    private static string Report(List<SoakSample> rows, double startRss, double minutes, int concurrency, double sampleSeconds)
    {
        var text = new StringBuilder();
        var requests = rows.Sum(r => r.Requests);
        var errors = rows.Sum(r => r.Errors);
        var firstMinute = rows.FirstOrDefault(r => r.Elapsed >= TimeSpan.FromMinutes(1)) ?? rows[0];
        var last = rows[^1];
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Soak: {minutes:F0} min, {concurrency} clients, closed loop, 40% 1 KB plain / 40% 1 KB streamed / 10% 16 KB plain / 10% 16 KB streamed; samples every {sampleSeconds:F0} s.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Requests {requests}, errors {errors}; resident memory after start-up {startRss:F0} MiB, after 1 min {firstMinute.RssMegabytes:F0} MiB, at the end {last.RssMegabytes:F0} MiB, highest {rows.Max(r => r.RssMegabytes):F0} MiB.");
        text.AppendLine();
        text.AppendLine("| elapsed s | requests | errors | req/s | p50 ms | p99 ms | gateway RSS MiB |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(row.ToRow());
        }

        return text.ToString();
    }

    private static double DoubleArg(string[] args, string name, double fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? StringArg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
