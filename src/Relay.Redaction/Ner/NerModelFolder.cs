namespace StealthRelay.Redaction.Ner;

/// <summary>Finds the model folder and checks it holds a complete Hugging Face token-classification export.</summary>
internal static class NerModelFolder
{
    public const string ModelFile = "model.onnx";
    public const string ConfigFile = "config.json";
    public const string VocabFile = "vocab.txt";
    public const string TokenizerJsonFile = "tokenizer.json";

    /// <summary>
    /// The folder <paramref name="configured"/> names, or the shipped <see cref="NerOptions.DefaultModelFolder"/>
    /// next to the binaries, then under the current directory and its parents (a repository checkout). Null when the
    /// default is not found anywhere. A relative configured path is tried against the binaries' folder first.
    /// </summary>
    public static string? Resolve(string? configured)
    {
        var relative = string.IsNullOrWhiteSpace(configured) ? NerOptions.DefaultModelFolder : configured;
        if (Path.IsPathRooted(relative))
        {
            return Directory.Exists(relative) ? Path.GetFullPath(relative) : null;
        }

        var candidate = Path.Combine(AppContext.BaseDirectory, relative);
        if (Directory.Exists(candidate))
        {
            return Path.GetFullPath(candidate);
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    /// <summary>Throws a <see cref="NerModelException"/> naming every missing file.</summary>
    public static void Validate(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new NerModelException($"NER model folder '{folder}' does not exist.");
        }

        var missing = new List<string>();
        if (!File.Exists(Path.Combine(folder, ModelFile)))
        {
            missing.Add(ModelFile);
        }

        if (!File.Exists(Path.Combine(folder, ConfigFile)))
        {
            missing.Add(ConfigFile);
        }

        if (!File.Exists(Path.Combine(folder, VocabFile)) && !File.Exists(Path.Combine(folder, TokenizerJsonFile)))
        {
            missing.Add($"{VocabFile} or {TokenizerJsonFile}");
        }

        if (missing.Count > 0)
        {
            throw new NerModelException(
                $"NER model folder '{folder}' is incomplete: missing {string.Join(", ", missing)}. "
                + "Expected a Hugging Face token-classification export (e.g. `optimum-cli export onnx --task token-classification`).");
        }
    }
}
