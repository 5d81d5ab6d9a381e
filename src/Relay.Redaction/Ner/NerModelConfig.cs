using System.Globalization;
using System.Text.Json;

namespace StealthRelay.Redaction.Ner;

/// <summary>
/// What <c>config.json</c> (and <c>tokenizer_config.json</c>) say about labels and maximum length, and, where the
/// model declares it, its receptive field: how many consecutive tokens one output reads (a convolutional model's
/// <c>receptive_field</c>; a transformer reads the whole sequence and declares none).
/// </summary>
internal sealed record NerModelConfig(IReadOnlyList<string> Labels, int MaxSequenceLength, int? ReceptiveField = null)
{
    private const int DefaultMaxLength = 512;

    public static NerModelConfig Load(string folder)
    {
        var path = Path.Combine(folder, NerModelFolder.ConfigFile);
        using var document = ParseJson(path);
        var root = document.RootElement;
        var labels = ReadLabels(root);

        var maxLength = root.TryGetProperty("max_position_embeddings", out var max) && max.ValueKind == JsonValueKind.Number
            ? max.GetInt32()
            : DefaultMaxLength;

        var tokenizerConfig = Path.Combine(folder, "tokenizer_config.json");
        if (File.Exists(tokenizerConfig))
        {
            using var tokenizerDocument = ParseJson(tokenizerConfig);
            if (tokenizerDocument.RootElement.TryGetProperty("model_max_length", out var modelMax)
                && modelMax.ValueKind == JsonValueKind.Number && modelMax.TryGetInt64(out var value)
                && value > 2 && value < maxLength)
            {
                maxLength = (int)value;
            }
        }

        if (maxLength < 3)
        {
            throw new NerModelException(
                $"{NerModelFolder.ConfigFile} gives max_position_embeddings {maxLength}; at least 3 is needed.");
        }

        int? receptiveField = null;
        if (root.TryGetProperty("receptive_field", out var field))
        {
            if (field.ValueKind != JsonValueKind.Number || !field.TryGetInt32(out var tokens) || tokens < 1)
            {
                throw new NerModelException($"{NerModelFolder.ConfigFile}: receptive_field must be a positive integer.");
            }

            receptiveField = tokens;
        }

        return new NerModelConfig(labels, maxLength, receptiveField);
    }

    private static string[] ReadLabels(JsonElement root)
    {
        var pairs = new List<(int Id, string Label)>();
        if (root.TryGetProperty("id2label", out var id2Label) && id2Label.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in id2Label.EnumerateObject())
            {
                if (!int.TryParse(entry.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    throw new NerModelException($"{NerModelFolder.ConfigFile}: id2label key '{entry.Name}' is not an integer.");
                }

                pairs.Add((id, entry.Value.GetString() ?? string.Empty));
            }
        }
        else if (root.TryGetProperty("label2id", out var label2Id) && label2Id.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in label2Id.EnumerateObject())
            {
                pairs.Add((entry.Value.GetInt32(), entry.Name));
            }
        }

        if (pairs.Count == 0)
        {
            throw new NerModelException($"{NerModelFolder.ConfigFile} has neither 'id2label' nor 'label2id'.");
        }

        var labels = new string[pairs.Max(p => p.Id) + 1];
        foreach (var (id, label) in pairs)
        {
            if (id < 0)
            {
                throw new NerModelException($"{NerModelFolder.ConfigFile}: negative label id {id}.");
            }

            labels[id] = label;
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] is null)
            {
                throw new NerModelException($"{NerModelFolder.ConfigFile}: label ids are not contiguous (id {i} is missing).");
            }
        }

        return labels;
    }

    private static JsonDocument ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new NerModelException($"{Path.GetFileName(path)} is not valid JSON.", ex);
        }
    }
}
