using StealthRelay.Redaction.Policy;

namespace StealthRelay.Redaction.Protocols;

/// <summary>Rewrites the human text of a request body, leaving model names, roles, ids, images and unknown keys alone.</summary>
public interface IRequestRedactor
{
    /// <summary>
    /// Parses <paramref name="body"/> as <paramref name="shape"/>, redacts every human-text field and returns the
    /// sanitized body with its mapping. Throws <see cref="RedactionException"/> (InvalidRequest for malformed JSON or
    /// a wrong shape; Timeout or DetectionFailed otherwise). Never returns partially redacted output.
    /// </summary>
    ValueTask<RedactedRequest> RedactAsync(
        ReadOnlyMemory<byte> body, ApiShape shape, RedactionPolicy policy, CancellationToken cancellationToken);
}
