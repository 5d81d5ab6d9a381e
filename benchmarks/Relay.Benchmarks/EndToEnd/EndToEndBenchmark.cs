using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StealthRelay.Gateway;

namespace StealthRelay.Benchmarks.EndToEnd;

/// <summary>
/// End-to-end comparison in one run, same fake provider: direct, the plain YARP forwarder (redaction off), the
/// redacting gateway with rule recognizers only, and with the NER model; 1 KB and 16 KB prompts, plain and streamed.
/// Latency is measured one request at a time (added latency); throughput with concurrent clients. Everything is
/// warmed up first until the JIT has stopped compiling (tiered compilation keeps re-compiling hot methods for 10-20 s
/// on two busy cores; measuring before that measures the JIT, not the gateway).
/// </summary>
internal static class EndToEndBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = IntArg(args, "--requests", 300);
        var seconds = IntArg(args, "--seconds", 5);
        var concurrency = IntArg(args, "--concurrency", 8);
        var sizes = StringArg(args, "--sizes", "1024,16384").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var withModel = StringArg(args, "--ner", "true") != "false";

        await using var provider = await FakeProvider.StartAsync();
        var providerUrl = AddressOf(provider);
        await using var plain = await PlainForwarder.StartAsync(providerUrl);
        await using var rules = await StartGatewayAsync(providerUrl, ner: false);
        await using var withNer = withModel ? await StartGatewayAsync(providerUrl, ner: true) : null;

        var targets = new List<(string Name, string Url)>
        {
            ("direct (no proxy)", providerUrl),
            ("plain YARP forwarder", AddressOf(plain)),
            ("gateway, rules only", AddressOf(rules)),
        };
        if (withNer is not null)
        {
            targets.Add(("gateway, rules + NER", AddressOf(withNer)));
        }

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 256 });
        var payloads = sizes.Select(size => (Size: size, Body: RequestBody(Prompts.OfSize(size)))).ToArray();
        var warmUp = await WarmUpAsync(client, targets.Select(t => t.Url).ToArray(), payloads.Select(p => p.Body).ToArray(),
            concurrency, TimeSpan.FromSeconds(IntArg(args, "--max-warmup", 120)));
        var results = new List<Measurement>();
        foreach (var (size, body) in payloads)
        {
            foreach (var stream in new[] { false, true })
            {
                foreach (var (name, url) in targets)
                {
                    var payload = stream ? body.Replace("\"stream\":false", "\"stream\":true", StringComparison.Ordinal) : body;
                    results.Add(await MeasureAsync(client, name, url, payload, size, stream, requests, seconds, concurrency));
                }
            }
        }

        Console.WriteLine(warmUp);
        Console.WriteLine(Report(results, requests, seconds, concurrency));
        return results.Any(r => r.Errors > 0) ? 1 : 0;
    }

    /// <summary>
    /// Sends every payload, plain and streamed, to every target from concurrent clients in rounds of two seconds until
    /// a round JIT-compiles fewer than 10 methods (or <paramref name="limit"/> passes).
    /// </summary>
    private static async Task<string> WarmUpAsync(HttpClient client, string[] urls, string[] bodies, int concurrency, TimeSpan limit)
    {
        var variants = (from url in urls
                        from body in bodies
                        from stream in new[] { false, true }
                        select (Endpoint: new Uri(url + "/v1/chat/completions"),
                            Payload: stream ? body.Replace("\"stream\":false", "\"stream\":true", StringComparison.Ordinal) : body)).ToArray();
        var watch = Stopwatch.StartNew();
        var rounds = 0;
        long compiled;
        long before;
        do
        {
            before = System.Runtime.JitInfo.GetCompiledMethodCount();
            var round = Stopwatch.StartNew();
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (round.Elapsed < TimeSpan.FromSeconds(2))
                {
                    var (endpoint, payload) = variants[Interlocked.Increment(ref next) % variants.Length];
                    await SendAsync(client, endpoint, payload);
                }
            }));
            rounds++;
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            Console.Error.WriteLine($"warm-up round {rounds}: {compiled - before} methods compiled");
        }
        while (compiled - before >= 10 && watch.Elapsed < limit);

        return string.Create(CultureInfo.InvariantCulture,
            $"Warm-up: {watch.Elapsed.TotalSeconds:F0} s ({rounds} rounds of 2 s, every target and variant, {concurrency} clients) until a round JIT-compiled {compiled - before} methods; {compiled} methods compiled in all.\n");
    }

    private static async Task<WebApplication> StartGatewayAsync(string providerUrl, bool ner)
    {
        var app = GatewayApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Relay:Upstreams:openai:BaseUrl"] = providerUrl,
                ["Relay:Ner:Enabled"] = ner ? "true" : "false",
                ["Relay:Ner:IntraOpThreads"] = "1",
                ["Relay:RateLimit:PermitLimit"] = "0", // the benchmark client is one IP: measure the pipeline, not the limiter
            });
        });
        await app.StartAsync();
        return app;
    }

    private static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static string RequestBody(string prompt) => JsonSerializer.Serialize(new
    {
        model = "bench",
        stream = false,
        messages = new object[]
        {
            new { role = "system", content = "You are a helpful assistant." },
            new { role = "user", content = prompt },
        },
    });

    private static async Task<Measurement> MeasureAsync(
        HttpClient client, string name, string url, string payload, int size, bool stream, int requests, int seconds, int concurrency)
    {
        var endpoint = new Uri(url + "/v1/chat/completions");
        var total = new List<double>(requests);
        var firstByte = new List<double>(requests);
        var errors = 0;
        for (var i = 0; i < requests + 50; i++)
        {
            var (ok, t, f) = await SendAsync(client, endpoint, payload);
            errors += ok ? 0 : 1;
            if (i >= 50)
            {
                total.Add(t);
                firstByte.Add(f);
            }
        }

        var completed = 0;
        var deadline = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (deadline.Elapsed.TotalSeconds < seconds)
            {
                var (ok, _, _) = await SendAsync(client, endpoint, payload);
                if (ok)
                {
                    Interlocked.Increment(ref completed);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        await Task.WhenAll(workers);
        var rps = completed / deadline.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"{name,-24} {size,6} B {(stream ? "stream" : "plain "),-6} p50 {new LatencyStats(total).P50:F3} ms, {rps:F0} req/s");
        return new Measurement(name, size, stream, new LatencyStats(total), new LatencyStats(firstByte), rps, errors);
    }

    private static async Task<(bool Ok, double TotalMs, double FirstByteMs)> SendAsync(HttpClient client, Uri endpoint, string payload)
    {
        var watch = Stopwatch.StartNew();
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer bench");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[16 * 1024];
        var first = -1.0;
        while (await body.ReadAsync(buffer) is var read && read > 0)
        {
            if (first < 0)
            {
                first = watch.Elapsed.TotalMilliseconds;
            }
        }

        return (response.IsSuccessStatusCode, watch.Elapsed.TotalMilliseconds, first);
    }

    private static string Report(List<Measurement> results, int requests, int seconds, int concurrency)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Latency: {requests} sequential requests after 50 warm-up; throughput: {concurrency} concurrent clients for {seconds} s.");
        text.AppendLine();
        text.AppendLine("| prompt | mode | target | p50 ms | p99 ms | p50 first byte ms | added first byte p50 ms | added p50 vs plain ms | added p99 vs plain ms | req/s | req/s vs plain | errors |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in results.GroupBy(r => (r.PromptBytes, r.Stream)))
        {
            var baseline = group.First(r => r.Target == "plain YARP forwarder");
            foreach (var r in group)
            {
                var mode = r.Stream ? "stream" : "plain";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.PromptBytes / 1024} KB | {mode} | {r.Target} | {r.Total.P50:F3} | {r.Total.P99:F3} | {r.FirstByte.P50:F3} | {r.FirstByte.P50 - baseline.FirstByte.P50:F3} | {r.Total.P50 - baseline.Total.P50:F3} | {r.Total.P99 - baseline.Total.P99:F3} | {r.RequestsPerSecond:F0} | {r.RequestsPerSecond / baseline.RequestsPerSecond:P0} | {r.Errors} |");
            }
        }

        return text.ToString();
    }

    private static string StringArg(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
