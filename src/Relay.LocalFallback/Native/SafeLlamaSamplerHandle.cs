using System.Runtime.InteropServices;

namespace StealthRelay.LocalFallback.Native;

/// <summary>Owns a <c>llama_sampler*</c> chain; <c>llama_sampler_free</c> also frees the samplers added to it.</summary>
internal sealed class SafeLlamaSamplerHandle : SafeHandle
{
    public SafeLlamaSamplerHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.llama_sampler_free(handle);
        return true;
    }
}
