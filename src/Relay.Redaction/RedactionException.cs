namespace StealthRelay.Redaction;

/// <summary>Why a request could not be redacted. The message never contains request content.</summary>
public enum RedactionFailure
{
    /// <summary>The body is not valid JSON or not the shape the endpoint expects: the client's fault (400).</summary>
    InvalidRequest,
    /// <summary>Detection did not finish within the configured timeout (fail closed, 503).</summary>
    Timeout,
    /// <summary>Detection failed for another reason (fail closed, 500).</summary>
    DetectionFailed,
}

/// <summary>
/// Thrown when a request cannot be redacted. The gateway refuses the request; nothing is forwarded.
/// <see cref="Exception.Message"/> is safe to show to the client and to log: it never contains request content.
/// </summary>
public sealed class RedactionException : Exception
{
    public RedactionException(RedactionFailure failure, string safeMessage, Exception? inner = null)
        : base(safeMessage, inner)
    {
        Failure = failure;
    }

    /// <summary>The kind of failure, which decides the status code.</summary>
    public RedactionFailure Failure { get; }
}
