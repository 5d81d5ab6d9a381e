using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StealthRelay.LocalFallback.Native;

/// <summary>
/// Owns a <c>llama_context*</c> and holds a reference on its model so the model outlives it. SafeHandle reference
/// counting guarantees <c>llama_free</c> never runs while a P/Invoke such as <c>llama_decode</c> uses the handle.
/// </summary>
internal sealed unsafe class SafeLlamaContextHandle : SafeHandle
{
    private readonly SafeLlamaModelHandle? _model;
    private readonly byte* _abortFlag;

    public SafeLlamaContextHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    private SafeLlamaContextHandle(nint context, SafeLlamaModelHandle model)
        : base(nint.Zero, ownsHandle: true)
    {
        _model = model;
        SetHandle(context);

        // The abort flag lives in native memory owned by this handle and is freed only after llama_free, so the
        // abort callback can never read freed memory, whatever thread disposes the context.
        _abortFlag = (byte*)NativeMemory.AllocZeroed(1);
    }

    /// <summary>
    /// Installs or removes the abort callback. ggml polls it before every graph node, a reverse P/Invoke each time,
    /// so it is installed only for multi-token (prompt) decodes, the only ones long enough to need aborting; between
    /// single-token decodes the generation loop checks cancellation itself.
    /// </summary>
    public void SetAbortCallback(bool enabled)
    {
        if (enabled)
        {
            NativeMethods.llama_set_abort_callback(this, &OnAbortPoll, _abortFlag);
        }
        else
        {
            NativeMethods.llama_set_abort_callback(this, null, null);
        }
    }

    /// <summary>Sets or clears the flag the abort callback reports to llama.cpp; safe from any thread.</summary>
    public bool AbortRequested
    {
        get => Volatile.Read(ref *_abortFlag) != 0;
        set => Volatile.Write(ref *_abortFlag, value ? (byte)1 : (byte)0);
    }

    public override bool IsInvalid => handle == nint.Zero;

    /// <summary>Creates a context; returns null when llama.cpp refuses (the reason goes to the native log).</summary>
    public static SafeLlamaContextHandle? Create(SafeLlamaModelHandle model, in LlamaContextParams parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        var added = false;
        model.DangerousAddRef(ref added);
        var context = NativeMethods.llama_init_from_model(model, parameters);
        if (context == nint.Zero)
        {
            model.DangerousRelease();
            return null;
        }

        return new SafeLlamaContextHandle(context, model);
    }

    protected override bool ReleaseHandle()
    {
        NativeMethods.llama_free(handle);
        NativeMemory.Free(_abortFlag);
        _model?.DangerousRelease();
        return true;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte OnAbortPoll(void* data) => Volatile.Read(ref *(byte*)data);
}
