namespace StealthRelay.LocalFallback.Llama;

/// <summary>Why generation ended.</summary>
internal enum GenerationStop
{
    /// <summary>The model produced an end-of-generation token.</summary>
    EndOfGeneration,

    /// <summary>The requested maximum number of tokens was generated.</summary>
    MaxTokens,

    /// <summary>A stop sequence appeared in the text.</summary>
    StopSequence,

    /// <summary>The context is full; reported to clients like <see cref="MaxTokens"/>.</summary>
    ContextFull,

    /// <summary>The caller cancelled (client gone).</summary>
    Cancelled,
}
