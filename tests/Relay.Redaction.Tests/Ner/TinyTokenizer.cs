using StealthRelay.Redaction.Ner;
using StealthRelay.Redaction.Tests.Ner.TestModels;

namespace StealthRelay.Redaction.Tests.Ner;

/// <summary>The real tokenizer of the tiny test model, loaded once for tests of internals.</summary>
internal static class TinyTokenizer
{
    public static NerTokenizer Tokenizer { get; } = Load();

    private static NerTokenizer Load()
    {
        using var tiny = TinyNerModel.Create(TinyModelLayout.VocabTxt);
        return NerTokenizer.Load(tiny.Folder);
    }
}
