using System.Text;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace StealthRelay.Redaction.Ner;

/// <summary>
/// BERT-style tokenization with word offsets: <see cref="BertPreTokenizer"/> finds the words, Microsoft.ML.Tokenizers'
/// <see cref="WordPieceTokenizer"/> splits each normalised word into vocabulary ids. Immutable, thread-safe.
/// </summary>
internal sealed class NerTokenizer
{
    private const string VocabFile = "vocab.txt";
    private const string TokenizerJsonFile = "tokenizer.json";
    private const string TokenizerConfigFile = "tokenizer_config.json";
    private const string SpecialTokensMapFile = "special_tokens_map.json";

    private readonly WordPieceTokenizer _wordPiece;
    private readonly int _maxInputCharsPerWord;

    private NerTokenizer(
        WordPieceTokenizer wordPiece, IReadOnlyDictionary<string, int> vocab, TokenizerSettings settings, string source)
    {
        _wordPiece = wordPiece;
        _maxInputCharsPerWord = settings.MaxInputCharsPerWord;
        LowerCase = settings.LowerCase;
        StripAccents = settings.StripAccents ?? settings.LowerCase;
        ClsId = RequireToken(vocab, settings.ClsToken, source);
        SepId = RequireToken(vocab, settings.SepToken, source);
        UnknownId = RequireToken(vocab, settings.UnknownToken, source);
        PadId = vocab.TryGetValue(settings.PadToken, out var pad) ? pad : 0;
    }

    public bool LowerCase { get; }

    public bool StripAccents { get; }

    public int ClsId { get; }

    public int SepId { get; }

    public int PadId { get; }

    public int UnknownId { get; }

    /// <summary>Loads <c>tokenizer.json</c> when present, else <c>vocab.txt</c>, honouring <c>tokenizer_config.json</c>.</summary>
    public static NerTokenizer Load(string folder)
    {
        var settings = TokenizerSettings.Default;
        settings = ReadSpecialTokensMap(Path.Combine(folder, SpecialTokensMapFile), settings);
        settings = ReadTokenizerConfig(Path.Combine(folder, TokenizerConfigFile), settings);

        var tokenizerJson = Path.Combine(folder, TokenizerJsonFile);
        if (File.Exists(tokenizerJson))
        {
            return LoadTokenizerJson(tokenizerJson, settings);
        }

        var vocabPath = Path.Combine(folder, VocabFile);
        var lines = File.ReadAllLines(vocabPath);
        var vocab = new Dictionary<string, int>(lines.Length, StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            vocab.TryAdd(lines[i], i);
        }

        ValidateSpecialTokens(vocab, settings, VocabFile);
        using var stream = File.OpenRead(vocabPath);
        return new NerTokenizer(CreateWordPiece(stream, settings), vocab, settings, VocabFile);
    }

    /// <summary>Appends the WordPiece ids of one word (original text; normalised here) to <paramref name="ids"/>.</summary>
    public void EncodeWord(ReadOnlySpan<char> word, List<int> ids)
    {
        var normalized = BertPreTokenizer.Normalize(word, LowerCase, StripAccents);
        if (normalized.Length == 0)
        {
            return;
        }

        if (normalized.Length > _maxInputCharsPerWord)
        {
            ids.Add(UnknownId);
            return;
        }

        var encoded = _wordPiece.EncodeToIds(normalized, considerPreTokenization: false, considerNormalization: false);
        if (encoded.Count == 0)
        {
            ids.Add(UnknownId);
            return;
        }

        for (var i = 0; i < encoded.Count; i++)
        {
            ids.Add(encoded[i]);
        }
    }

    private static WordPieceTokenizer CreateWordPiece(Stream vocab, TokenizerSettings settings) =>
        WordPieceTokenizer.Create(vocab, new WordPieceOptions
        {
            UnknownToken = settings.UnknownToken,
            ContinuingSubwordPrefix = settings.ContinuingSubwordPrefix,
            MaxInputCharsPerWord = settings.MaxInputCharsPerWord,
        });

    private static NerTokenizer LoadTokenizerJson(string path, TokenizerSettings settings)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
        {
            throw new NerModelException($"{TokenizerJsonFile} has no 'model' object.");
        }

        var type = model.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        if (!string.Equals(type, "WordPiece", StringComparison.Ordinal))
        {
            throw new NerModelException(
                $"{TokenizerJsonFile} uses a '{type ?? "unknown"}' model; only WordPiece (BERT-family) tokenizers are supported.");
        }

        if (!model.TryGetProperty("vocab", out var vocabElement) || vocabElement.ValueKind != JsonValueKind.Object)
        {
            throw new NerModelException($"{TokenizerJsonFile} has no 'model.vocab' object.");
        }

        settings = settings with
        {
            UnknownToken = StringOr(model, "unk_token", settings.UnknownToken),
            ContinuingSubwordPrefix = StringOr(model, "continuing_subword_prefix", settings.ContinuingSubwordPrefix),
            MaxInputCharsPerWord = model.TryGetProperty("max_input_chars_per_word", out var max)
                && max.ValueKind == JsonValueKind.Number ? max.GetInt32() : settings.MaxInputCharsPerWord,
        };
        settings = ReadNormalizer(root, settings);

        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        var maxId = -1;
        foreach (var entry in vocabElement.EnumerateObject())
        {
            var id = entry.Value.GetInt32();
            vocab[entry.Name] = id;
            maxId = Math.Max(maxId, id);
        }

        // WordPieceTokenizer reads a vocab.txt stream (id = line number): write one in id order, filling gaps with
        // tokens no word can produce.
        var byId = new string[maxId + 1];
        foreach (var (token, id) in vocab)
        {
            if (id >= 0)
            {
                byId[id] = token;
            }
        }

        var builder = new StringBuilder();
        for (var id = 0; id < byId.Length; id++)
        {
            var token = byId[id];
            builder.Append(token is null || token.AsSpan().IndexOfAny('\r', '\n') >= 0 ? $"[relay-unused-{id}]" : token)
                .Append('\n');
        }

        ValidateSpecialTokens(vocab, settings, TokenizerJsonFile);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(builder.ToString()));
        return new NerTokenizer(CreateWordPiece(stream, settings), vocab, settings, TokenizerJsonFile);
    }

    private static TokenizerSettings ReadNormalizer(JsonElement root, TokenizerSettings settings)
    {
        if (!root.TryGetProperty("normalizer", out var normalizer) || normalizer.ValueKind != JsonValueKind.Object)
        {
            return settings;
        }

        // A BertNormalizer says it all; a Sequence of Lowercase/StripAccents/NFD steps is read step by step.
        if (normalizer.TryGetProperty("normalizers", out var steps) && steps.ValueKind == JsonValueKind.Array)
        {
            var lower = false;
            var strip = false;
            foreach (var step in steps.EnumerateArray())
            {
                var stepType = StringOr(step, "type", string.Empty);
                lower |= stepType == "Lowercase";
                strip |= stepType == "StripAccents";
            }

            return settings with { LowerCase = lower, StripAccents = strip };
        }

        if (StringOr(normalizer, "type", string.Empty) != "BertNormalizer")
        {
            return settings;
        }

        var lowercase = BoolOr(normalizer, "lowercase", settings.LowerCase);
        var stripAccents = normalizer.TryGetProperty("strip_accents", out var s)
            && s.ValueKind is JsonValueKind.True or JsonValueKind.False ? s.GetBoolean() : (bool?)null;
        return settings with { LowerCase = lowercase, StripAccents = stripAccents };
    }

    private static TokenizerSettings ReadTokenizerConfig(string path, TokenizerSettings settings)
    {
        if (!File.Exists(path))
        {
            return settings;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var stripAccents = root.TryGetProperty("strip_accents", out var s)
            && s.ValueKind is JsonValueKind.True or JsonValueKind.False ? s.GetBoolean() : settings.StripAccents;
        return ReadSpecialTokens(root, settings) with
        {
            LowerCase = BoolOr(root, "do_lower_case", settings.LowerCase),
            StripAccents = stripAccents,
        };
    }

    private static TokenizerSettings ReadSpecialTokensMap(string path, TokenizerSettings settings)
    {
        if (!File.Exists(path))
        {
            return settings;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return ReadSpecialTokens(document.RootElement, settings);
    }

    private static TokenizerSettings ReadSpecialTokens(JsonElement root, TokenizerSettings settings) => settings with
    {
        ClsToken = TokenOr(root, "cls_token", settings.ClsToken),
        SepToken = TokenOr(root, "sep_token", settings.SepToken),
        PadToken = TokenOr(root, "pad_token", settings.PadToken),
        UnknownToken = TokenOr(root, "unk_token", settings.UnknownToken),
    };

    /// <summary>Special tokens are written either as a string or as an AddedToken object with a 'content'.</summary>
    private static string TokenOr(JsonElement root, string name, string fallback)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? fallback,
            JsonValueKind.Object => StringOr(value, "content", fallback),
            _ => fallback,
        };
    }

    private static string StringOr(JsonElement element, string name, string fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? fallback
            : fallback;

    private static bool BoolOr(JsonElement element, string name, bool fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : fallback;

    private static void ValidateSpecialTokens(IReadOnlyDictionary<string, int> vocab, TokenizerSettings settings, string source)
    {
        foreach (var token in new[] { settings.ClsToken, settings.SepToken, settings.UnknownToken })
        {
            RequireToken(vocab, token, source);
        }
    }

    private static int RequireToken(IReadOnlyDictionary<string, int> vocab, string token, string source) =>
        vocab.TryGetValue(token, out var id)
            ? id
            : throw new NerModelException($"The vocabulary in {source} has no '{token}' token.");

    /// <summary>What the tokenizer files say; defaults follow BERT (uncased: lower case, strip accents).</summary>
    private sealed record TokenizerSettings(
        bool LowerCase,
        bool? StripAccents,
        string ClsToken,
        string SepToken,
        string PadToken,
        string UnknownToken,
        string ContinuingSubwordPrefix,
        int MaxInputCharsPerWord)
    {
        public static TokenizerSettings Default { get; } =
            new(true, null, "[CLS]", "[SEP]", "[PAD]", "[UNK]", "##", 100);
    }
}
