using StealthRelay.Redaction.Ner;

namespace StealthRelay.Redaction.Tests.Analysis;

/// <summary>
/// Test-only NER stand-in (the ONNX runtime is built on another branch): tags every occurrence of known words.
/// Counts calls, so tests can check the analyzer batches all texts into one call.
/// </summary>
internal sealed class FixedNerModel : INerModel
{
    private readonly (string Word, string Type, double Score)[] _entries;

    public FixedNerModel(params (string Word, string Type, double Score)[] entries)
    {
        _entries = entries;
    }

    public int Calls { get; private set; }

    public int LastBatchSize { get; private set; }

    public Func<Exception>? Throw { get; init; }

    public IReadOnlyList<IReadOnlyList<EntitySpan>> Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Calls++;
        LastBatchSize = texts.Count;
        if (Throw is not null)
        {
            throw Throw();
        }

        var result = new List<IReadOnlyList<EntitySpan>>();
        foreach (var text in texts)
        {
            var spans = new List<EntitySpan>();
            foreach (var (word, type, score) in _entries)
            {
                for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
                {
                    spans.Add(new EntitySpan(type, at, at + word.Length, score, "ner"));
                }
            }

            result.Add(spans);
        }

        return result;
    }
}
