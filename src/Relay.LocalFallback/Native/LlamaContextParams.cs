using System.Runtime.InteropServices;

namespace StealthRelay.LocalFallback.Native;

/// <summary>
/// <c>struct llama_context_params</c> of llama.cpp release v0.5.0, 160 bytes on x64. Always start from
/// <see cref="NativeMethods.llama_context_default_params"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaContextParams
{
    public uint ContextSize;
    public uint BatchSize;
    public uint MicroBatchSize;
    public uint MaxSequences;
    public uint RecurrentStateSnapshots;
    public uint MaxOutputs;
    public uint MaxOutputsPerSequence;
    public int Threads;
    public int BatchThreads;
    public int ContextType;
    public int RopeScalingType;
    public int PoolingType;
    public int AttentionType;
    public int FlashAttentionType;
    public float RopeFrequencyBase;
    public float RopeFrequencyScale;
    public float YarnExtFactor;
    public float YarnAttnFactor;
    public float YarnBetaFast;
    public float YarnBetaSlow;
    public uint YarnOriginalContext;
    public float DefragThreshold;
    public nint EvalCallback;
    public nint EvalCallbackUserData;
    public int TypeK;
    public int TypeV;
    public nint AbortCallback;
    public nint AbortCallbackData;
    public bool Embeddings;
    public bool OffloadKqv;
    public bool NoPerf;
    public bool OpOffload;
    public bool SwaFull;
    public bool KvUnified;
    public nint Samplers;
    public nuint SamplerCount;
    public nint OtherContext;
}
