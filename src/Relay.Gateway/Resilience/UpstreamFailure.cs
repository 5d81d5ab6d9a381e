using StealthRelay.Gateway.Errors;
using Yarp.ReverseProxy.Forwarder;

namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// The outcome of a forwarded call that did not produce an answer the client can use. <see cref="ResponseStarted"/>
/// false means no byte reached the client yet: the gateway may still answer anything (an error in the SDK's shape, or
/// another source such as a local model). True means the status line was sent: the only option left is an error event
/// (streams) or aborting the connection.
/// </summary>
/// <param name="Kind">What failed.</param>
/// <param name="UpstreamName">The upstream that failed (the last one tried).</param>
/// <param name="RetryAfter">When the client may retry (circuit open), or null.</param>
/// <param name="ResponseStarted">Whether bytes of the answer already reached the client.</param>
/// <remarks>
/// The one failure type of the gateway: the resilience layer produces it, the local route's
/// <see cref="Local.IUpstreamFailurePolicy"/> decides on it, <see cref="UpstreamFailureWriter"/> answers it.
/// </remarks>
internal sealed record UpstreamFailure(UpstreamFailureKind Kind, string UpstreamName, TimeSpan? RetryAfter, bool ResponseStarted)
{
    /// <summary>The upstream's status for <see cref="UpstreamFailureKind.ServerError"/>; null otherwise.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The status and SDK error types the client gets.</summary>
    public ApiErrorKind ErrorKind => Kind switch
    {
        UpstreamFailureKind.Timeout => ApiErrorKind.GatewayTimeout,
        UpstreamFailureKind.CircuitOpen => ApiErrorKind.UpstreamUnavailable,
        _ => ApiErrorKind.BadGateway,
    };

    /// <summary>Fixed text for the client: names the upstream and what to do, never content.</summary>
    public string Message => Kind switch
    {
        UpstreamFailureKind.Timeout => $"The upstream '{UpstreamName}' did not answer in time. Retry later.",
        UpstreamFailureKind.CircuitOpen => $"The upstream '{UpstreamName}' is failing and the gateway stopped calling it for a while. Retry after the Retry-After delay.",
        UpstreamFailureKind.BadResponse => $"The upstream '{UpstreamName}' sent a broken or incomplete answer. Retry the request.",
        UpstreamFailureKind.ServerError => $"The upstream '{UpstreamName}' answered with an error status and no other source could answer. Retry later.",
        _ => $"The upstream '{UpstreamName}' could not be reached or sent an answer the gateway could not relay. Check Relay:Upstreams:{UpstreamName}:BaseUrl or retry later.",
    };

    /// <summary>A 5xx answer (retries exhausted) that nothing reached the client of yet.</summary>
    public static UpstreamFailure ServerError(string upstreamName, int statusCode) =>
        new(UpstreamFailureKind.ServerError, upstreamName, null, ResponseStarted: false) { StatusCode = statusCode };

    /// <summary>Classifies a failed <see cref="IHttpForwarder.SendAsync(HttpContext, string, HttpMessageInvoker, ForwarderRequestConfig, HttpTransformer, CancellationToken)"/>.</summary>
    public static UpstreamFailure FromForwarder(ForwarderError error, Exception? exception, string upstreamName, bool responseStarted) =>
        exception switch
        {
            UpstreamFailureException failure => new(failure.Kind, failure.UpstreamName, failure.RetryAfter, responseStarted),
            _ when error == ForwarderError.RequestTimedOut => new(UpstreamFailureKind.Timeout, upstreamName, null, responseStarted),
            _ when error is ForwarderError.Request or ForwarderError.RequestCreation => new(UpstreamFailureKind.Unreachable, upstreamName, null, responseStarted),
            _ => new(UpstreamFailureKind.BadResponse, upstreamName, null, responseStarted),
        };
}
