namespace StealthRelay.Gateway.Resilience;

/// <summary>Watches an upstream body's bytes, unchanged, to tell a complete answer from a truncated or malformed one.</summary>
internal interface IBodyIntegrityMonitor
{
    /// <summary>True when the body so far ends where a complete answer may end.</summary>
    bool CompletedCleanly { get; }

    /// <summary>Feeds the next bytes; false when they cannot belong to a well-formed answer.</summary>
    bool Observe(ReadOnlySpan<byte> chunk);
}
