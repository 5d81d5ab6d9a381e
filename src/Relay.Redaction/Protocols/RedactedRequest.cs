using StealthRelay.Redaction.Placeholders;

namespace StealthRelay.Redaction.Protocols;

/// <summary>A sanitized request body and the mapping needed to restore the answer. Dispose clears the mapping.</summary>
public sealed class RedactedRequest : IDisposable
{
    /// <summary>The sanitized UTF-8 JSON body to forward.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The mapping of this request.</summary>
    public required IPlaceholderVault Vault { get; init; }

    /// <summary>True when the request asked for a streamed answer (<c>"stream": true</c>).</summary>
    public bool Stream { get; init; }

    /// <summary>The <c>model</c> field, when present (a model name, not content).</summary>
    public string? Model { get; init; }

    /// <summary>How many values of each entity type were replaced. Types and counts only: safe to log.</summary>
    public IReadOnlyDictionary<string, int> EntityCounts { get; init; } = new Dictionary<string, int>();

    /// <inheritdoc />
    public void Dispose() => Vault.Dispose();
}
