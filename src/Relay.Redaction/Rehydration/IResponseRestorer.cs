using StealthRelay.Redaction.Placeholders;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>Puts the original values back into provider answers.</summary>
public interface IResponseRestorer
{
    /// <summary>Restores a complete (non-streamed) JSON answer. Returns the body unchanged if it is not JSON.</summary>
    byte[] RestoreJson(ReadOnlySpan<byte> body, ApiShape shape, IPlaceholderVault vault);

    /// <summary>Creates a restorer for one streamed (SSE) answer.</summary>
    IStreamRestorer CreateStreamRestorer(ApiShape shape, IPlaceholderVault vault);
}
