namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// Thrown after the error event of a broken OpenAI stream was written and flushed, on a server that offers no
/// <c>IHttpResetFeature</c> for an HTTP/2 or HTTP/3 stream: the unhandled exception makes the server reset the stream, so
/// the client's read fails instead of the stream looking finished (Kestrel offers the feature; see
/// <c>StreamErrorEvent.CutAsync</c>). Fixed text: never content.
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
