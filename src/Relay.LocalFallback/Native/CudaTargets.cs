using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StealthRelay.LocalFallback.Native;

/// <summary>
/// The GPU architectures the llama.cpp CUDA build carries code for, read from <c>cuda-targets.json</c> beside the
/// libraries (pinned with the package in <c>native/LlamaNative.targets</c>; <c>native/fatbin_targets.py</c> reads the
/// same facts out of <c>libggml-cuda.so</c>). Architectures are written as compute capability times ten (90 = sm_90).
/// </summary>
internal sealed record CudaTargets
{
    public const string FileName = "cuda-targets.json";

    /// <summary>The npm package the facts were read from, e.g. <c>@node-llama-cpp/linux-x64-cuda@3.22.1</c>.</summary>
    [JsonPropertyName("package")]
    public string Package { get; init; } = "";

    /// <summary>Architectures with machine code (SASS): they run on a GPU of the same major and an equal or higher minor version.</summary>
    [JsonPropertyName("sass")]
    public IReadOnlyList<int> Sass { get; init; } = [];

    /// <summary>Architectures with PTX, which the driver compiles at load for that architecture or any later one.</summary>
    [JsonPropertyName("ptx")]
    public IReadOnlyList<int> Ptx { get; init; } = [];

    /// <summary>The PTX ISA version of that PTX, e.g. <c>9.1</c>.</summary>
    [JsonPropertyName("ptxIsa")]
    public string PtxIsa { get; init; } = "";

    /// <summary>The oldest driver that compiles that PTX, in <c>cuDriverGetVersion</c> form (13010 = CUDA 13.1).</summary>
    [JsonPropertyName("ptxMinDriver")]
    public int PtxMinDriver { get; init; }

    /// <summary>Reads <see cref="FileName"/> from <paramref name="directory"/>; null when the file is not there.</summary>
    public static CudaTargets? Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CudaTargets>(File.ReadAllBytes(path))
                ?? throw new InvalidOperationException($"{path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{path} is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Null when code in this build runs on a GPU of <paramref name="capability"/> (major × 10 + minor) under a driver
    /// of <paramref name="driverVersion"/>; otherwise why not.
    /// </summary>
    public string? Problem(int capability, int driverVersion)
    {
        if (Sass.Any(arch => arch / 10 == capability / 10 && arch % 10 <= capability % 10))
        {
            return null;
        }

        var ptx = Ptx.Where(arch => arch <= capability).ToList();
        if (ptx.Count > 0 && driverVersion >= PtxMinDriver)
        {
            return null;
        }

        var sass = string.Join(", ", Sass.Select(Sm));
        return ptx.Count == 0
            ? $"it has machine code for {sass} and PTX for {string.Join(", ", Ptx.Select(Sm))}, none of which runs on {Sm(capability)}"
            : $"it has no machine code for {Sm(capability)} (only for {sass}), and its PTX (ISA {PtxIsa}) needs a driver for "
                + $"CUDA {Version(PtxMinDriver)} or later; this driver supports CUDA {Version(driverVersion)}";
    }

    /// <summary><c>sm_90</c> for 90.</summary>
    public static string Sm(int capability) => "sm_" + capability.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>13.1</c> for 13010.</summary>
    public static string Version(int driverVersion) =>
        string.Create(CultureInfo.InvariantCulture, $"{driverVersion / 1000}.{driverVersion % 1000 / 10}");
}
