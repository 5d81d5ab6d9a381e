using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using StealthRelay.LocalFallback.Llama;
using StealthRelay.LocalFallback.Service;

// The C# twin of benchmarks/llama-native/bench.c: same model, prompt, context, threads and call sequence
// (decode prompt, then n_predict x [sample greedy, token to piece, decode 1 token]), timed the same way.
// Mode "binding" mirrors the C loop call for call; mode "generator" runs the service's full loop
// (TextGenerator: UTF-8 decoding, stop-sequence matching, cancellation checks).
// The backend and GPU layers (default cpu, 0) select the llama.cpp build and offload, as Relay:Local:Backend and
// GpuLayers do: with a -p:LlamaBackend=cuda build, "cuda 0" and "cuda -1" give the CPU and GPU checksums to compare.
// Usage: Relay.LlamaBench <model.gguf> <n_predict> <n_threads> <runs> [binding|generator] [cpu|cuda] [gpu_layers]
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: Relay.LlamaBench <model.gguf> <n_predict> <n_threads> <runs> [binding|generator] [cpu|cuda] [gpu_layers]");
    return 2;
}

var modelPath = args[0];
var predict = int.Parse(args[1], CultureInfo.InvariantCulture);
var threads = int.Parse(args[2], CultureInfo.InvariantCulture);
var runs = int.Parse(args[3], CultureInfo.InvariantCulture);
var mode = args.Length > 4 ? args[4] : "binding";
var backend = args.Length > 5 && args[5] == "cuda" ? LocalBackend.Cuda : LocalBackend.Cpu;
var gpuLayers = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 0;

// llama.cpp's load messages (devices, layers offloaded, buffer sizes) go to stderr; they hold no prompt or output.
using var model = LlamaModel.Load(modelPath, gpuLayers, backend, new StderrLogger());
using var context = model.CreateContext(predict + 64, 512, threads);
var prompt = model.Tokenize("Once upon a time", addSpecial: true, parseSpecial: true);
using var sampler = LlamaSampler.Create(SamplingParameters.Greedy);

// Run 0 warms up (JIT, page faults, caches) and is not counted; the C program does the same. Wall time and this
// thread's CPU time are both measured: with one thread ggml computes on the calling thread.
var best = 0.0;
var sum = 0.0;
var sumCpu = 0.0;
ulong checksum = 0;
Span<byte> piece = stackalloc byte[64];
Span<int> next = stackalloc int[1];
for (var run = 0; run <= runs; run++)
{
    context.Clear();
    sampler.Reset();
    var started = Stopwatch.GetTimestamp();
    var cpuStarted = ThreadCpu.Seconds();
    if (mode == "generator")
    {
        var text = new StringBuilder();
        var result = TextGenerator.Generate(context, prompt, new GenerationRequest { MaxTokens = predict }, t => text.Append(t), CancellationToken.None);
        if (result.CompletionTokens != predict)
        {
            Console.Error.WriteLine($"generator stopped after {result.CompletionTokens} tokens ({result.Stop})");
            return 1;
        }

        checksum = Fnv1a(text.ToString());
    }
    else
    {
        if (context.Decode(prompt) != DecodeStatus.Ok)
        {
            Console.Error.WriteLine("decode failed");
            return 1;
        }

        checksum = 0;
        for (var i = 0; i < predict; i++)
        {
            var token = context.Sample(sampler);
            checksum = unchecked((checksum * 31) + (ulong)token);
            model.TokenToPiece(token, piece);
            next[0] = token;
            if (context.Decode(next) != DecodeStatus.Ok)
            {
                Console.Error.WriteLine("decode failed");
                return 1;
            }
        }
    }

    var cpuTps = predict / (ThreadCpu.Seconds() - cpuStarted);
    var tps = predict / Stopwatch.GetElapsedTime(started).TotalSeconds;
    if (run == 0)
    {
        continue;
    }

    sum += tps;
    sumCpu += cpuTps;
    best = Math.Max(best, tps);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"csharp-{mode,-9}        backend={backend} gpu_layers={gpuLayers} prompt_tokens={prompt.Length} n_predict={predict} threads={threads} runs={runs} mean_tps={sum / runs:F1} best_tps={best:F1} cpu_tps={sumCpu / runs:F1} checksum={checksum}"));
return 0;

// Stable across processes (string.GetHashCode is randomized), so generator runs can be compared with each other.
static ulong Fnv1a(string text)
{
    var hash = 14695981039346656037UL;
    foreach (var c in text)
    {
        hash = unchecked((hash ^ c) * 1099511628211UL);
    }

    return hash;
}

/// <summary>Writes every message to stderr: the model-load log of llama.cpp, for checking where layers went.</summary>
internal sealed class StderrLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Console.Error.WriteLine(formatter(state, exception));
}
