namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// Thrown after the error event of a broken OpenAI stream was written and flushed, to end the response abnormally:
/// Kestrel then closes the HTTP/1.1 connection without the terminating chunk (an HTTP/2 stream is reset), so the
/// client's read fails instead of the stream looking finished. Fixed text: never content.
/// </summary>
internal sealed class StreamBrokenException : Exception
{
    public StreamBrokenException(string upstreamName)
        : base($"The stream from upstream '{upstreamName}' broke off after the answer started; the client's stream was ended with an error event and cut.")
    {
    }

    public StreamBrokenException()
        : this("unknown")
    {
    }

    public StreamBrokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
