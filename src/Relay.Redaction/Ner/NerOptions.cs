namespace StealthRelay.Redaction.Ner;

/// <summary>
/// Configuration of the NER model runtime, bound from <c>Relay:Ner</c>.
/// </summary>
public sealed class NerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Relay:Ner";

    /// <summary>The shipped model folder, relative to the binaries (then to the repository root).</summary>
    public const string DefaultModelFolder = "models/stealthrelay-ner";

    /// <summary>Whether the NER model is loaded at all. Default <c>true</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Folder in the Hugging Face token-classification export layout (<c>model.onnx</c>, <c>config.json</c>, and
    /// <c>vocab.txt</c> or <c>tokenizer.json</c>). Default <c>null</c>: the shipped <see cref="DefaultModelFolder"/>.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>Execution provider. Default <see cref="NerDevice.Cpu"/>.</summary>
    public NerDevice Device { get; set; } = NerDevice.Cpu;

    /// <summary>GPU ordinal used when <see cref="Device"/> is <see cref="NerDevice.Cuda"/>. Default 0.</summary>
    public int DeviceId { get; set; }

    /// <summary>
    /// Options of ONNX Runtime's CUDA execution provider (its own names, e.g. <c>gpu_mem_limit</c>,
    /// <c>arena_extend_strategy</c>), used with <see cref="NerDevice.Cuda"/>. Entries configured by the user are added to
    /// (or replace) the defaults (docs/ner.md, "CUDA"):
    /// <list type="bullet">
    /// <item><c>cudnn_conv_algo_search</c> = <c>HEURISTIC</c>. ONNX Runtime's own default, <c>EXHAUSTIVE</c>, times every
    /// cuDNN convolution algorithm for each new input shape, and every prompt length is a new shape: on an H200 the
    /// model evaluation took 197 s with it and 22 s without it (4.9 s and 3.7 s on the CPU).</item>
    /// <item><c>use_tf32</c> = <c>0</c>: float32 math, as on the CPU, so the GPU finds what <c>relay eval</c> measured
    /// there. With ONNX Runtime's default (TF32 on) and the heuristic search, 1 WikiANN-en span in 4,745 and scores in
    /// the fourth decimal differed from the CPU.</item>
    /// </list>
    /// </summary>
    public IDictionary<string, string> CudaProviderOptions { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cudnn_conv_algo_search"] = "HEURISTIC",
        ["use_tf32"] = "0",
    };

    /// <summary>Threads ONNX Runtime uses inside one operator. Default 1 (requests run in parallel instead).</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>
    /// Most inference calls one prediction runs side by side. While fewer predictions run than this and no work waits
    /// in the thread pool, a long prompt's windows are cut smaller and run on the idle cores at the same time, so its
    /// detection takes less wall time (a 1 KB prompt in about half); under load each prediction keeps to one thread.
    /// 0 (default): <see cref="Environment.ProcessorCount"/> on the CPU, 1 with <see cref="NerDevice.Cuda"/> (one
    /// batched call keeps a GPU busiest); 1: never split.
    /// </summary>
    public int MaxParallelism { get; set; }

    /// <summary>Most windows (sequences) sent to the model in one inference call. Default 16.</summary>
    public int MaxBatchSize { get; set; } = 16;

    /// <summary>
    /// Tokens shared by two consecutive windows when a text is longer than the model's maximum length (the Hugging
    /// Face <c>stride</c> meaning), or cut into parts (<see cref="MaxParallelism"/>). Capped at half a window.
    /// Default 64. A model whose <c>config.json</c> declares a <c>receptive_field</c> (the shipped model: 31) shares
    /// that many tokens instead, which gives exactly the labels of one long window.
    /// </summary>
    public int WindowStride { get; set; } = 64;

    /// <summary>
    /// Maps a model label (without its <c>B-</c>/<c>I-</c>/<c>E-</c>/<c>S-</c> prefix, case-insensitive) to an entity
    /// type from <see cref="EntityTypes"/>. An empty value ignores the label; a label missing here is ignored too.
    /// Entries configured by the user are added to (or replace) the defaults.
    /// </summary>
    public IDictionary<string, string> LabelMap { get; set; } = CreateDefaultLabelMap();

    /// <summary>The default label map: CoNLL (PER/LOC/ORG/MISC), WNUT17 and common address labels.</summary>
    public static Dictionary<string, string> CreateDefaultLabelMap() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["PER"] = EntityTypes.Person,
        ["PERSON"] = EntityTypes.Person,
        ["LOC"] = EntityTypes.Location,
        ["LOCATION"] = EntityTypes.Location,
        ["GPE"] = EntityTypes.Location,
        ["CITY"] = EntityTypes.Location,
        ["COUNTRY"] = EntityTypes.Location,
        ["ORG"] = EntityTypes.Organization,
        ["ORGANIZATION"] = EntityTypes.Organization,
        ["ORGANISATION"] = EntityTypes.Organization,
        ["CORPORATION"] = EntityTypes.Organization,
        ["GROUP"] = EntityTypes.Organization,
        ["COMPANY"] = EntityTypes.Organization,
        ["ADDR"] = EntityTypes.Address,
        ["ADDRESS"] = EntityTypes.Address,
        ["STREET"] = EntityTypes.Address,
        ["STREET_ADDRESS"] = EntityTypes.Address,
        ["MISC"] = string.Empty,
    };
}
