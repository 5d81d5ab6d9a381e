using System.Runtime.InteropServices;

namespace StealthRelay.LocalFallback.Native;

/// <summary>
/// <c>struct llama_model_params</c> of llama.cpp as shipped in @node-llama-cpp 3.22.1 (release v0.5.0), 80 bytes on
/// x64. Always start from <see cref="NativeMethods.llama_model_default_params"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaModelParams
{
    public nint Devices;
    public nint TensorBufferTypeOverrides;
    public int GpuLayers;
    public int SplitMode;
    public int LoadMode;
    public int LazyMode;
    public int MainGpu;
    public nint TensorSplit;
    public nint ProgressCallback;
    public nint ProgressCallbackUserData;
    public nint KvOverrides;
    public bool VocabOnly;
    public bool CheckTensors;
    public bool UseExtraBufferTypes;
    public bool NoHost;
    public bool NoAlloc;
    public bool LoadMtp;
}
