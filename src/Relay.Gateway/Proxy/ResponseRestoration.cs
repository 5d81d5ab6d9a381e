using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Gateway.Proxy;

/// <summary>What is needed to restore the answer of one redacted request.</summary>
/// <param name="Restorer">The engine's restorer.</param>
/// <param name="Shape">The request's shape (decides which answer fields carry text).</param>
/// <param name="Vault">This request's mapping.</param>
/// <param name="PlaceholderFormat">The policy's placeholder format (for error bodies).</param>
/// <param name="RestoreSuccess">False when successful answers carry no text (embeddings vectors): passed through.</param>
internal sealed record ResponseRestoration(
    IResponseRestorer Restorer, ApiShape Shape, IPlaceholderVault Vault, string PlaceholderFormat, bool RestoreSuccess);
