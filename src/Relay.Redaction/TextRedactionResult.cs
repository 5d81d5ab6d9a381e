using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Redaction;

/// <summary>The result of redacting one plain text. Dispose clears the mapping.</summary>
public sealed class TextRedactionResult : IDisposable
{
    private readonly PlaceholderVault _vault;

    internal TextRedactionResult(string text, IReadOnlyList<EntitySpan> entities, IReadOnlyDictionary<string, int> entityCounts, PlaceholderVault vault)
    {
        Text = text;
        Entities = entities;
        EntityCounts = entityCounts;
        _vault = vault;
    }

    /// <summary>The sanitized text.</summary>
    public string Text { get; }

    /// <summary>The detected entities, with offsets into the original text (for the analyze endpoint and the CLI).</summary>
    public IReadOnlyList<EntitySpan> Entities { get; }

    /// <summary>How many occurrences of each entity type were replaced. Safe to log.</summary>
    public IReadOnlyDictionary<string, int> EntityCounts { get; }

    /// <summary>The placeholder mapping.</summary>
    public IPlaceholderVault Vault => _vault;

    /// <summary>Puts the original values back into <paramref name="text"/> (e.g. a model's answer to <see cref="Text"/>).</summary>
    public string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PlaceholderRestorer.Restore(text, _vault);
    }

    /// <inheritdoc />
    public void Dispose() => _vault.Dispose();
}
