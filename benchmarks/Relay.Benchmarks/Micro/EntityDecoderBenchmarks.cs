using BenchmarkDotNet.Attributes;
using StealthRelay.Redaction.Ner;

namespace StealthRelay.Benchmarks.Micro;

/// <summary>
/// Constrained Viterbi decoding alone (what turns the model's per-word label probabilities into spans) over the words
/// of the 1 KB and 16 KB prompts, with the shipped model's 9 BIO labels and random but fixed log-probabilities.
/// </summary>
[MemoryDiagnoser]
public class EntityDecoderBenchmarks
{
    private static readonly string[] BioLabels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-ADDR", "I-ADDR"];
    private EntityDecoder _decoder = null!;
    private string _text = null!;
    private WordSpan[] _words = null!;
    private float[] _probabilities = null!;
    private int[] _firstToken = null!;

    [Params(1024, 16384)]
    public int PromptBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var labels = BioLabels.Select(l => NerLabel.Parse(l, NerOptions.CreateDefaultLabelMap())).ToArray();
        _decoder = new EntityDecoder(labels);
        var words = new List<WordSpan>();
        _text = Prompts.OfSize(PromptBytes);
        BertPreTokenizer.Split(_text, words);
        _words = [.. words];
        var random = new Random(7);
        _probabilities = new float[_words.Length * labels.Length];
        for (var w = 0; w < _words.Length; w++)
        {
            var row = _probabilities.AsSpan(w * labels.Length, labels.Length);
            var sum = 0f;
            for (var l = 0; l < row.Length; l++)
            {
                row[l] = (float)Math.Pow(random.NextDouble(), 4) + (l == 0 ? 2f : 0f); // mostly O, as in prose
                sum += row[l];
            }

            for (var l = 0; l < row.Length; l++)
            {
                row[l] = MathF.Log(row[l] / sum);
            }
        }

        _firstToken = [.. Enumerable.Range(0, _words.Length)]; // one token per word
    }

    [Benchmark]
    public int Decode() => _decoder.Decode(_text, _words, _probabilities, _firstToken).Count;
}
