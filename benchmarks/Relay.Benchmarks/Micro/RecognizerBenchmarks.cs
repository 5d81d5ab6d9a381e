using BenchmarkDotNet.Attributes;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Benchmarks.Micro;

/// <summary>All rule recognizers over one prompt, the way the analyzer runs them.</summary>
[MemoryDiagnoser]
public class RecognizerBenchmarks
{
    private IReadOnlyList<IRecognizer> _recognizers = null!;
    private string _text = null!;
    private readonly List<EntitySpan> _results = new(64);

    [Params(1024, 16384)]
    public int PromptBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _recognizers = DefaultRecognizers.Create(new RecognizerOptions());
        _text = Prompts.OfSize(PromptBytes);
    }

    [Benchmark]
    public int AnalyzeAll()
    {
        _results.Clear();
        foreach (var recognizer in _recognizers)
        {
            recognizer.Analyze(_text, _results);
        }

        return _results.Count;
    }
}
