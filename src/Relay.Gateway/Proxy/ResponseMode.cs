namespace StealthRelay.Gateway.Proxy;

/// <summary>How the upstream answer is written to the client.</summary>
internal enum ResponseMode
{
    /// <summary>Copied as is (models list, embeddings vectors).</summary>
    PassThrough,

    /// <summary>Held in memory, restored with <c>RestoreJson</c>, then written with its new length.</summary>
    Buffered,

    /// <summary>A server-sent-event stream restored and flushed as it flows.</summary>
    EventStream,
}
