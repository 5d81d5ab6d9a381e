using StealthRelay.LocalFallback.Native;

namespace StealthRelay.LocalFallback.Llama;

/// <summary>
/// One llama.cpp context (KV cache + compute buffers). Not thread-safe: one request uses it at a time, which the
/// pool guarantees. <see cref="RequestAbort"/> may be called from any thread: during multi-token (prompt) decodes
/// llama.cpp polls the abort callback between graph nodes, so a long prompt decode stops early; single-token decodes
/// are short and the flag is checked before each. The context stays valid and is cleared by
/// <see cref="Clear"/> before reuse. The SafeHandle keeps llama_free from running while a decode is in flight.
/// </summary>
internal sealed unsafe class LlamaContext : IDisposable
{
    private readonly SafeLlamaContextHandle _handle;
    private readonly nint _memory;
    private bool _abortCallbackInstalled;

    private LlamaContext(LlamaModel model, SafeLlamaContextHandle handle)
    {
        Model = model;
        _handle = handle;
        _memory = NativeMethods.llama_get_memory(handle);
        Size = (int)NativeMethods.llama_n_ctx(handle);
        BatchSize = (int)NativeMethods.llama_n_batch(handle);
    }

    public LlamaModel Model { get; }

    /// <summary>Tokens the context holds (n_ctx as llama.cpp granted it).</summary>
    public int Size { get; }

    /// <summary>Largest batch one llama_decode accepts (n_batch); longer prompts are split.</summary>
    public int BatchSize { get; }

    /// <summary>Tokens decoded since the last <see cref="Clear"/>.</summary>
    public int Position { get; private set; }

    public bool AbortRequested => _handle.AbortRequested;

    internal SafeLlamaContextHandle Handle => _handle;

    public static LlamaContext Create(LlamaModel model, int contextSize, int batchSize, int threads)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var parameters = NativeMethods.llama_context_default_params();
        parameters.ContextSize = (uint)contextSize;
        parameters.BatchSize = (uint)batchSize;
        parameters.MicroBatchSize = (uint)Math.Min(batchSize, (int)parameters.MicroBatchSize);
        parameters.MaxSequences = 1;
        parameters.Threads = threads;
        parameters.BatchThreads = threads;
        parameters.NoPerf = true;
        var handle = SafeLlamaContextHandle.Create(model.Handle, parameters)
            ?? throw new InvalidOperationException($"llama.cpp could not create a context of {contextSize} tokens (see the Debug log for the native reason).");
        return new LlamaContext(model, handle);
    }

    /// <summary>Decodes tokens at the current position, in chunks of <see cref="BatchSize"/>; logits of the last token are kept.</summary>
    public DecodeStatus Decode(ReadOnlySpan<int> tokens)
    {
        if (Position + tokens.Length > Size)
        {
            return DecodeStatus.NoSpace;
        }

        var abortable = tokens.Length > 1;
        if (abortable != _abortCallbackInstalled)
        {
            _handle.SetAbortCallback(abortable);
            _abortCallbackInstalled = abortable;
        }

        fixed (int* all = tokens)
        {
            for (var offset = 0; offset < tokens.Length; offset += BatchSize)
            {
                if (_handle.AbortRequested)
                {
                    return DecodeStatus.Aborted;
                }

                var count = Math.Min(BatchSize, tokens.Length - offset);
                var result = NativeMethods.llama_decode(_handle, NativeMethods.llama_batch_get_one(all + offset, count));
                switch (result)
                {
                    case 0:
                        Position += count;
                        break;
                    case 1:
                        return DecodeStatus.NoSpace;
                    case 2:
                        return DecodeStatus.Aborted;
                    default:
                        return DecodeStatus.Failed;
                }
            }
        }

        return DecodeStatus.Ok;
    }

    /// <summary>Samples the next token from the logits of the last decoded token (the sampler also accepts it).</summary>
    public int Sample(LlamaSampler sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        return NativeMethods.llama_sampler_sample(sampler.Handle, _handle, -1);
    }

    /// <summary>Asks a running or the next decode to stop; safe from any thread.</summary>
    public void RequestAbort() => _handle.AbortRequested = true;

    /// <summary>Empties the KV cache (llama_memory_clear) and resets the abort flag, ready for the next request.</summary>
    public void Clear()
    {
        NativeMethods.llama_memory_clear(_memory, true);
        Position = 0;
        _handle.AbortRequested = false;
    }

    public void Dispose() => _handle.Dispose();
}
