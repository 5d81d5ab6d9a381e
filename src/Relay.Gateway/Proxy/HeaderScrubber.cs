using System.Net.Http.Headers;

namespace StealthRelay.Gateway.Proxy;

/// <summary>
/// Removes metadata the provider does not need before a request leaves: client addresses, proxy chains, cookies,
/// trace correlation ids and the gateway's own <c>X-Relay-*</c> headers; then sends a fixed User-Agent.
/// </summary>
internal static class HeaderScrubber
{
    public const string UserAgent = "StealthRelay/1.0";

    private static readonly string[] s_exact =
    [
        "Forwarded", "X-Real-IP", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP", "Cookie", "Via",
        "traceparent", "tracestate", "baggage", "Request-Id", "Correlation-Context",
    ];

    private static readonly string[] s_prefixes = ["X-Forwarded-", "X-Relay-"];

    public static void Scrub(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Scrub(request.Headers);
        if (request.Content is not null)
        {
            Scrub(request.Content.Headers);
        }

        request.Headers.Remove("User-Agent");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
    }

    internal static bool IsScrubbed(string name)
    {
        foreach (var exact in s_exact)
        {
            if (string.Equals(name, exact, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var prefix in s_prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void Scrub(HttpHeaders headers)
    {
        List<string>? doomed = null;
        foreach (var header in headers)
        {
            if (IsScrubbed(header.Key))
            {
                (doomed ??= []).Add(header.Key);
            }
        }

        if (doomed is not null)
        {
            foreach (var name in doomed)
            {
                headers.Remove(name);
            }
        }
    }
}
