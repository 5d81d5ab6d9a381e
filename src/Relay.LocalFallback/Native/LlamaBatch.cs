using System.Runtime.InteropServices;

namespace StealthRelay.LocalFallback.Native;

/// <summary><c>struct llama_batch</c> (56 bytes on x64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaBatch
{
    public int TokenCount;
    public int* Tokens;
    public float* Embeddings;
    public int* Positions;
    public int* SequenceIdCounts;
    public int** SequenceIds;
    public sbyte* Logits;
}
