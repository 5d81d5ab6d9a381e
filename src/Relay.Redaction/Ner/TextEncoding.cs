namespace StealthRelay.Redaction.Ner;

/// <summary>
/// One text during one <see cref="OnnxNerModel.Predict"/> call: its words, their WordPiece tokens, and for every
/// token the label log-probabilities predicted by the window in which that token is most central; for models with a
/// <c>case_ids</c> input also every token's <see cref="WordCase"/> class (that of its word's original text).
/// </summary>
internal sealed class TextEncoding
{
    private TextEncoding(string text, List<WordSpan> words, int[] wordFirstToken, List<int> tokenIds, List<byte>? tokenCases, int labelCount)
    {
        Text = text;
        LabelCount = labelCount;
        Words = words;
        WordFirstToken = wordFirstToken;
        TokenIds = tokenIds;
        TokenCases = tokenCases;
        TokenLogProbabilities = new float[tokenIds.Count * labelCount];
        TokenCentrality = new int[tokenIds.Count];
        Array.Fill(TokenCentrality, -1);
    }

    /// <summary>The text the <see cref="Words"/> point into (held for this call only, like everything here).</summary>
    public string Text { get; }

    public List<WordSpan> Words { get; }

    /// <summary>Index of each word's first token; -1 for a word that produced none.</summary>
    public int[] WordFirstToken { get; }

    public List<int> TokenIds { get; }

    /// <summary>Per token the <see cref="WordCase"/> class of its word; null unless asked for.</summary>
    public List<byte>? TokenCases { get; }

    public int LabelCount { get; }

    /// <summary>Per token <see cref="LabelCount"/> label log-probabilities (log softmax of the logits), token after token.</summary>
    public float[] TokenLogProbabilities { get; }

    /// <summary>Centrality of the window the token's current prediction came from; -1 while none has.</summary>
    public int[] TokenCentrality { get; }

    public static TextEncoding Encode(string text, NerTokenizer tokenizer, bool withCases, int labelCount)
    {
        var words = new List<WordSpan>();
        BertPreTokenizer.Split(text, words);
        var firstToken = new int[words.Count];
        var ids = new List<int>(words.Count + (words.Count / 2));
        var cases = withCases ? new List<byte>(ids.Capacity) : null;
        for (var i = 0; i < words.Count; i++)
        {
            var before = ids.Count;
            var word = text.AsSpan(words[i].Start, words[i].End - words[i].Start);
            tokenizer.EncodeWord(word, ids);
            firstToken[i] = ids.Count > before ? before : -1;
            if (cases is not null && ids.Count > before)
            {
                var wordCase = (byte)WordCase.Classify(word);
                for (var t = before; t < ids.Count; t++)
                {
                    cases.Add(wordCase);
                }
            }
        }

        return new TextEncoding(text, words, firstToken, ids, cases, labelCount);
    }

    /// <summary>Keeps the prediction for <paramref name="token"/> if it comes from a more central window.</summary>
    public void Offer(int token, int centrality, ReadOnlySpan<float> logits)
    {
        if (centrality <= TokenCentrality[token])
        {
            return;
        }

        var max = logits[0];
        for (var i = 1; i < logits.Length; i++)
        {
            max = Math.Max(max, logits[i]);
        }

        double sum = 0;
        foreach (var logit in logits)
        {
            sum += Math.Exp(logit - max);
        }

        // log softmax: one logarithm per token; the decoder works in log space
        var logSum = (float)Math.Log(sum);
        var into = TokenLogProbabilities.AsSpan(token * LabelCount, LabelCount);
        for (var i = 0; i < logits.Length; i++)
        {
            into[i] = logits[i] - max - logSum;
        }

        TokenCentrality[token] = centrality;
    }
}
