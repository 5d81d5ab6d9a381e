using System.Buffers;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>
/// Restores one server-sent-event stream as it flows. Holds back only what must be: an incomplete SSE event, and
/// inside text deltas only a tail that could still become a placeholder. Not thread-safe (one per response).
/// </summary>
public interface IStreamRestorer
{
    /// <summary>Feeds raw upstream bytes (any chunking, even mid UTF-8 sequence) and writes what can be sent now.</summary>
    void Write(ReadOnlySpan<byte> upstream, IBufferWriter<byte> output);

    /// <summary>The upstream ended: writes everything still held back.</summary>
    void Complete(IBufferWriter<byte> output);
}
