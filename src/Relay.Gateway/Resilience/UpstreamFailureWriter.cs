using System.Globalization;
using StealthRelay.Gateway.Errors;
using StealthRelay.Gateway.Routing;

namespace StealthRelay.Gateway.Resilience;

/// <summary>Answers an <see cref="UpstreamFailure"/> in the SDK's error shape (502/503/504, Retry-After when known).</summary>
internal static class UpstreamFailureWriter
{
    public static async Task WriteAsync(HttpContext context, ApiFamily family, UpstreamFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(failure);
        if (!context.Response.HasStarted)
        {
            // Drop whatever the upstream's status and headers left behind: the client gets a clean gateway error.
            context.Response.Clear();
            if (failure.RetryAfter is { } retryAfter)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }
        }

        await ApiErrorWriter.WriteAsync(context, family, failure.ErrorKind, failure.Message, cancellationToken);
    }
}
