using BenchmarkDotNet.Attributes;
using StealthRelay.Redaction.Analysis;

namespace StealthRelay.Benchmarks.Micro;

/// <summary>
/// What folding costs the analyzer before the recognizers run, per text: the 1 KB prompt as it is (nothing to fold:
/// the common case, one search), the same with its blanks as narrow no-break spaces (French typography: a copy), and
/// with every blank as <c>&amp;nbsp;</c> (pasted HTML: a copy and the offset maps).
/// </summary>
[MemoryDiagnoser]
public class FoldedTextBenchmarks
{
    private string _plain = null!;
    private string _typographic = null!;
    private string _html = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = Prompts.OfSize(1024);
        _typographic = _plain.Replace(' ', '\u202F');
        _html = _plain.Replace(" ", "&nbsp;", StringComparison.Ordinal);
    }

    [Benchmark(Baseline = true)]
    public int Plain() => FoldedText.Fold(_plain).Text.Length;

    [Benchmark]
    public int Typographic() => FoldedText.Fold(_typographic).Text.Length;

    [Benchmark]
    public int Html() => FoldedText.Fold(_html).Text.Length;
}
