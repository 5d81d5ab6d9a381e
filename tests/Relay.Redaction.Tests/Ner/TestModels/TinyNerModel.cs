using System.Text.Json;
using System.Text.Json.Nodes;

namespace StealthRelay.Redaction.Tests.Ner.TestModels;

/// <summary>Which Hugging Face export layout a generated model folder uses.</summary>
public enum TinyModelLayout
{
    /// <summary><c>vocab.txt</c> + <c>config.json</c> (CoNLL labels) + <c>model.onnx</c> with inputs (input_ids, attention_mask).</summary>
    VocabTxt,

    /// <summary>
    /// <c>tokenizer.json</c> + <c>config.json</c> (WNUT labels, label2id only) + <c>model.onnx</c> with inputs in another order
    /// (attention_mask, token_type_ids, input_ids) and an extra output listed before <c>logits</c>.
    /// </summary>
    TokenizerJson,

    /// <summary>
    /// Like <see cref="VocabTxt"/>, plus a third input <c>case_ids</c> (the word-case class our own models take): Title
    /// words add <see cref="TinyNerModel.CaseLogit"/> to B-PER, UPPER words to B-LOC, mIxed words to B-ORG.
    /// </summary>
    CaseIds,
}

/// <summary>
/// A real ONNX token-classification model small enough to reason about: each vocabulary token has one label whose logit
/// is <see cref="Logit"/> (its other label of the same type <see cref="SiblingLogit"/>, all others 0), whatever its
/// context, so expected spans are exact. The graph is
/// <c>logits = Gather(E, input_ids) * attention_mask (+ 0 * token_type_ids)</c>.
/// </summary>
internal sealed class TinyNerModel : IDisposable
{
    public const float Logit = 8f;

    /// <summary>What a word's case class adds to one label in layout <see cref="TinyModelLayout.CaseIds"/>: beats <see cref="Logit"/>.</summary>
    public const float CaseLogit = 2 * Logit;

    /// <summary>Vocabulary (id = index) and each token's label index.</summary>
    public static readonly (string Token, int Label)[] Vocabulary =
    [
        ("[PAD]", 0), ("[UNK]", 0), ("[CLS]", 0), ("[SEP]", 0), ("[MASK]", 0),
        ("the", 0), ("in", 0), ("lives", 0), ("met", 0), ("at", 0), (".", 0), (",", 0), ("and", 0), ("(", 0), (")", 0),
        ("john", 1), ("smith", 2), ("##son", 4), ("##ny", 0), ("mary", 2),
        ("berlin", 3), ("paris", 4), ("zurich", 3), ("new", 3), ("york", 4),
        ("acme", 5), ("corp", 6), ("widget", 7),
    ];

    /// <summary>CoNLL-style labels (layout <see cref="TinyModelLayout.VocabTxt"/>).</summary>
    public static readonly string[] ConllLabels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    /// <summary>WNUT17-style labels (layout <see cref="TinyModelLayout.TokenizerJson"/>), same indexes.</summary>
    public static readonly string[] WnutLabels =
        ["O", "B-person", "I-person", "B-location", "I-location", "B-corporation", "I-corporation", "B-product", "I-product"];

    private TinyNerModel(string folder) => Folder = folder;

    /// <summary>
    /// What an entity token's other label of the same type (B- for an I- token, I- for a B- token) gets: a model sure of
    /// I-LOC still finds B-LOC likelier than I-PER, so constrained decoding has no exact ties to break.
    /// </summary>
    public const float SiblingLogit = Logit / 2;

    /// <summary>
    /// The span score of an entity word: the probability of all entity labels (PER, LOC, ORG: B- and I-; not O and
    /// the ignored MISC), softmax of <see cref="Logit"/> and <see cref="SiblingLogit"/> among zeros.
    /// </summary>
    public static double EntityProbability =>
        (Math.Exp(Logit) + Math.Exp(SiblingLogit) + 4) / (Math.Exp(Logit) + Math.Exp(SiblingLogit) + (ConllLabels.Length - 2));

    public string Folder { get; }

    /// <summary>Sets one key of the <c>config.json</c> in <paramref name="folder"/>.</summary>
    public static void SetConfig(string folder, string key, JsonNode? value)
    {
        var path = Path.Combine(folder, "config.json");
        var config = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        config[key] = value;
        File.WriteAllText(path, config.ToJsonString());
    }

    /// <summary>
    /// <paramref name="words"/> words of one token each, numbered from <paramref name="shift"/>: every 13th starts
    /// "John Smith", 5 after it "Berlin", 9 after it "Acme Corp"; "the" and "in" between.
    /// </summary>
    public static string LongText(int words, int shift = 0) => string.Join(' ', Enumerable.Range(shift, words).Select(i => (i % 13) switch
    {
        0 => "John",
        1 => "Smith",
        5 => "Berlin",
        9 => "Acme",
        10 => "Corp",
        _ => i % 2 == 0 ? "the" : "in",
    }));

    /// <summary>Writes a model folder in <paramref name="layout"/> to a new temporary directory.</summary>
    /// <param name="maxPositions">config.json's max_position_embeddings: the window length plus 2.</param>
    /// <param name="lowerCase">What the tokenizer files say about lower-casing; null writes nothing (BERT default).</param>
    public static TinyNerModel Create(TinyModelLayout layout, int maxPositions = 512, bool? lowerCase = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "stealthrelay-ner-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        WriteTo(folder, layout, maxPositions, lowerCase);
        return new TinyNerModel(folder);
    }

    /// <summary>Writes the model files of <paramref name="layout"/> into an existing folder.</summary>
    public static void WriteTo(string folder, TinyModelLayout layout, int maxPositions = 512, bool? lowerCase = null)
    {
        var labels = layout == TinyModelLayout.TokenizerJson ? WnutLabels : ConllLabels;
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), BuildOnnx(layout, labels.Length));

        var config = new JsonObject { ["model_type"] = "bert", ["max_position_embeddings"] = maxPositions };
        if (layout != TinyModelLayout.TokenizerJson)
        {
            var id2Label = new JsonObject();
            for (var i = 0; i < labels.Length; i++)
            {
                id2Label[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = labels[i];
            }

            config["id2label"] = id2Label;
            File.WriteAllLines(Path.Combine(folder, "vocab.txt"), Vocabulary.Select(v => v.Token));
            if (lowerCase is { } lower)
            {
                File.WriteAllText(Path.Combine(folder, "tokenizer_config.json"), new JsonObject { ["do_lower_case"] = lower }.ToJsonString());
            }
        }
        else
        {
            var label2Id = new JsonObject();
            for (var i = 0; i < labels.Length; i++)
            {
                label2Id[labels[i]] = i;
            }

            config["label2id"] = label2Id;
            File.WriteAllText(Path.Combine(folder, "tokenizer.json"), TokenizerJson(lowerCase ?? true));
        }

        File.WriteAllText(Path.Combine(folder, "config.json"), config.ToJsonString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A session may still map model.onnx on some platforms; the temp folder is then left behind.
        }
    }

    private static string TokenizerJson(bool lowerCase)
    {
        var vocab = new JsonObject();
        for (var i = 0; i < Vocabulary.Length; i++)
        {
            vocab[Vocabulary[i].Token] = i;
        }

        var root = new JsonObject
        {
            ["version"] = "1.0",
            ["normalizer"] = new JsonObject
            {
                ["type"] = "BertNormalizer",
                ["clean_text"] = true,
                ["handle_chinese_chars"] = true,
                ["strip_accents"] = null,
                ["lowercase"] = lowerCase,
            },
            ["pre_tokenizer"] = new JsonObject { ["type"] = "BertPreTokenizer" },
            ["model"] = new JsonObject
            {
                ["type"] = "WordPiece",
                ["unk_token"] = "[UNK]",
                ["continuing_subword_prefix"] = "##",
                ["max_input_chars_per_word"] = 100,
                ["vocab"] = vocab,
            },
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static byte[] BuildOnnx(TinyModelLayout layout, int labelCount)
    {
        var embedding = new float[Vocabulary.Length * labelCount];
        for (var token = 0; token < Vocabulary.Length; token++)
        {
            var label = Vocabulary[token].Label;
            embedding[(token * labelCount) + label] = Logit;
            if (label > 0)
            {
                embedding[(token * labelCount) + (label % 2 == 1 ? label + 1 : label - 1)] = SiblingLogit;
            }
        }

        var nodes = new List<byte[]>
        {
            OnnxProtoWriter.Node("Gather", ["embedding", "input_ids"], ["token_logits"]),
            OnnxProtoWriter.Node("Cast", ["attention_mask"], ["mask_float"], ("to", OnnxProtoWriter.Float)),
            OnnxProtoWriter.Node("Unsqueeze", ["mask_float", "last_axis"], ["mask_3d"]),
        };
        var initializers = new List<byte[]>
        {
            OnnxProtoWriter.FloatTensor("embedding", [Vocabulary.Length, labelCount], embedding),
            OnnxProtoWriter.Int64Tensor("last_axis", [1], [-1]),
        };
        var ids = OnnxProtoWriter.ValueInfo("input_ids", OnnxProtoWriter.Int64, "batch", "sequence");
        var mask = OnnxProtoWriter.ValueInfo("attention_mask", OnnxProtoWriter.Int64, "batch", "sequence");
        var logits = OnnxProtoWriter.ValueInfo("logits", OnnxProtoWriter.Float, "batch", "sequence", (long)labelCount);
        List<byte[]> inputs, outputs;
        if (layout == TinyModelLayout.VocabTxt)
        {
            nodes.Add(OnnxProtoWriter.Node("Mul", ["token_logits", "mask_3d"], ["logits"]));
            inputs = [ids, mask];
            outputs = [logits];
        }
        else if (layout == TinyModelLayout.CaseIds)
        {
            // case_ids 0 special, 1 lower, 2 Title, 3 UPPER, 4 mIxed, 5 digit, 6 other
            var caseLogits = new float[7 * labelCount];
            caseLogits[(2 * labelCount) + 1] = CaseLogit;
            caseLogits[(3 * labelCount) + 3] = CaseLogit;
            caseLogits[(4 * labelCount) + 5] = CaseLogit;
            initializers.Add(OnnxProtoWriter.FloatTensor("case_embedding", [7, labelCount], caseLogits));
            nodes.Add(OnnxProtoWriter.Node("Gather", ["case_embedding", "case_ids"], ["case_logits"]));
            nodes.Add(OnnxProtoWriter.Node("Add", ["token_logits", "case_logits"], ["summed_logits"]));
            nodes.Add(OnnxProtoWriter.Node("Mul", ["summed_logits", "mask_3d"], ["logits"]));
            inputs = [ids, mask, OnnxProtoWriter.ValueInfo("case_ids", OnnxProtoWriter.Int64, "batch", "sequence")];
            outputs = [logits];
        }
        else
        {
            // token_type_ids must be fed (it is consumed: + 0 * types), and 'logits' is not the first output.
            nodes.Add(OnnxProtoWriter.Node("Mul", ["token_logits", "mask_3d"], ["masked_logits"]));
            nodes.Add(OnnxProtoWriter.Node("Cast", ["token_type_ids"], ["types_float"], ("to", OnnxProtoWriter.Float)));
            nodes.Add(OnnxProtoWriter.Node("Unsqueeze", ["types_float", "last_axis"], ["types_3d"]));
            nodes.Add(OnnxProtoWriter.Node("Mul", ["types_3d", "zero"], ["types_zero"]));
            nodes.Add(OnnxProtoWriter.Node("Add", ["masked_logits", "types_zero"], ["logits"]));
            nodes.Add(OnnxProtoWriter.Node("Identity", ["mask_float"], ["mask_echo"]));
            initializers.Add(OnnxProtoWriter.FloatTensor("zero", [], [0f]));
            inputs = [mask, OnnxProtoWriter.ValueInfo("token_type_ids", OnnxProtoWriter.Int64, "batch", "sequence"), ids];
            outputs = [OnnxProtoWriter.ValueInfo("mask_echo", OnnxProtoWriter.Float, "batch", "sequence"), logits];
        }

        var graph = OnnxProtoWriter.Graph("tiny_ner", nodes, initializers, inputs, outputs);
        return OnnxProtoWriter.Model(graph);
    }
}
