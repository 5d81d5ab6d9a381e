using BenchmarkDotNet.Attributes;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Recognizers;

namespace StealthRelay.Benchmarks.Micro;

/// <summary>Each rule recognizer alone over the 1 KB prompt: where the recognizers' time goes.</summary>
[MemoryDiagnoser]
public class EachRecognizerBenchmarks
{
    private IRecognizer _recognizer = null!;
    private string _text = null!;
    private readonly List<EntitySpan> _results = new(64);

    /// <summary>The recognizers' type names, in the order the analyzer runs them.</summary>
    public static IEnumerable<string> Names => DefaultRecognizers.Create(new RecognizerOptions()).Select(static r => r.GetType().Name);

    [ParamsSource(nameof(Names))]
    public string Recognizer { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _recognizer = DefaultRecognizers.Create(new RecognizerOptions()).Single(r => r.GetType().Name == Recognizer);
        _text = Prompts.OfSize(1024);
    }

    [Benchmark]
    public int Analyze()
    {
        _results.Clear();
        _recognizer.Analyze(_text, _results);
        return _results.Count;
    }
}
