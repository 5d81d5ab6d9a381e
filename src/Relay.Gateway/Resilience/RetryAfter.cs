using System.Net;

namespace StealthRelay.Gateway.Resilience;

/// <summary>Reads an upstream's <c>Retry-After</c> (delta seconds or HTTP date) and decides which answers are transient.</summary>
internal static class RetryAfter
{
    /// <summary>The delay the upstream asks for, or null when it sent none. Dates in the past give zero.</summary>
    public static TimeSpan? From(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>429 and 500/502/503/504 are worth another attempt.</summary>
    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;
}
