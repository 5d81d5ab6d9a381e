namespace StealthRelay.LocalFallback.Service;

/// <summary>Which llama.cpp build the local model runs on (<c>Relay:Local:Backend</c>).</summary>
public enum LocalBackend
{
    /// <summary>The CPU build (always shipped; llama/cpu/ in the output folder).</summary>
    Cpu,

    /// <summary>The CUDA build (shipped when built with <c>-p:LlamaBackend=cuda</c>; llama/cuda/). Needs the CUDA 13 runtime.</summary>
    Cuda,
}
