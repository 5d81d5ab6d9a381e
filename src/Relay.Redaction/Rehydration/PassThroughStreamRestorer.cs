using System.Buffers;

namespace StealthRelay.Redaction.Rehydration;

/// <summary>For shapes whose answers carry no restorable text: copies the stream as it comes.</summary>
internal sealed class PassThroughStreamRestorer : IStreamRestorer
{
    public void Write(ReadOnlySpan<byte> upstream, IBufferWriter<byte> output) => output.Write(upstream);

    public void Complete(IBufferWriter<byte> output)
    {
    }
}
