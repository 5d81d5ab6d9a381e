namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// Thrown by <see cref="ResilientUpstreamHandler"/> when no attempt produced an answer (YARP reports it as a request
/// error). The message is fixed text: never request or response content.
/// </summary>
internal sealed class UpstreamFailureException : Exception
{
    public UpstreamFailureException(UpstreamFailureKind kind, string upstreamName, TimeSpan? retryAfter, Exception? inner)
        : base($"Upstream '{upstreamName}' failed: {kind}.", inner)
    {
        Kind = kind;
        UpstreamName = upstreamName;
        RetryAfter = retryAfter;
    }

    public UpstreamFailureException()
        : this(UpstreamFailureKind.Unreachable, "unknown", null, null)
    {
    }

    public UpstreamFailureException(string message)
        : base(message)
    {
        UpstreamName = "unknown";
    }

    public UpstreamFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
        UpstreamName = "unknown";
    }

    public UpstreamFailureKind Kind { get; }

    public string UpstreamName { get; }

    public TimeSpan? RetryAfter { get; }
}
