using System.Runtime.InteropServices;

namespace StealthRelay.LocalFallback.Native;

/// <summary>Owns a <c>llama_model*</c>; freed with <c>llama_model_free</c> once no context references it.</summary>
internal sealed class SafeLlamaModelHandle : SafeHandle
{
    public SafeLlamaModelHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.llama_model_free(handle);
        return true;
    }
}
