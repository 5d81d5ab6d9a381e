using BenchmarkDotNet.Running;
using StealthRelay.Benchmarks.EndToEnd;
using StealthRelay.Benchmarks.Scaling;
using StealthRelay.Benchmarks.Soak;

// `e2e` runs the end-to-end gateway comparison; `soak` the long load run against the gateway executable; `scaling` each
// recognizer over gate-opening texts at two sizes; anything else goes to BenchmarkDotNet's switcher
// (e.g. `--filter '*Redaction*'`).
if (args.Length > 0 && args[0] == "e2e")
{
    return await EndToEndBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "scaling")
{
    return args.Contains("--redaction") ? await RedactionScaling.RunAsync() : RecognizerScaling.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "soak")
{
    return await SoakRun.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(StealthRelay.Benchmarks.Micro.RedactionBenchmarks).Assembly).Run(args);
return 0;
