namespace StealthRelay.LocalFallback.Llama;

/// <summary>Outcome of <see cref="LlamaContext.Decode"/> (llama_decode's return codes).</summary>
internal enum DecodeStatus
{
    Ok,

    /// <summary>The context's KV cache has no room for the batch (llama_decode returned 1).</summary>
    NoSpace,

    /// <summary>The abort callback stopped the computation (llama_decode returned 2).</summary>
    Aborted,

    /// <summary>Any other error (negative return values).</summary>
    Failed,
}
