using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Redaction.Ner;

namespace StealthRelay.Benchmarks.Micro;

/// <summary>
/// The shipped NER model, one intra-op thread: on one core (MaxParallelism 1, the goal's measure) and cut into parts
/// on every idle core (MaxParallelism 0, the default). Goal (issue "The NER model"): 1 KB prompt at most 5 ms p50 on
/// one core.
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private ServiceProvider _services = null!;
    private INerModel _model = null!;
    private string[] _texts = null!;

    [Params(1024, 16384)]
    public int PromptBytes { get; set; }

    [Params(1, 0)]
    public int MaxParallelism { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _services = RedactionServices.Create(ner: true, MaxParallelism);
        _model = _services.GetRequiredService<INerModel>();
        _texts = [Prompts.OfSize(PromptBytes)];
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public int Predict() => _model.Predict(_texts, CancellationToken.None)[0].Count;
}
