using System.Diagnostics;
using StealthRelay.Gateway.Routing;

namespace StealthRelay.Gateway.Telemetry;

/// <summary>
/// Enrichment for the ASP.NET Core and HttpClient spans that overwrites everything that could carry client data:
/// the server span keeps the fixed route (or <c>other</c>) as its path and loses query, user agent and the client's
/// baggage; the upstream
/// span's URL becomes scheme, host, port and path (only when the path ends with a fixed API path), without user info
/// or query (where keys like <c>api-key</c> live).
/// Headers and bodies are never recorded (no enrichment reads them).
/// </summary>
internal static class TelemetryScrubber
{
    /// <summary>The path tag value for a request: one of the fixed paths the gateway serves, else <c>other</c>.</summary>
    public static string KnownPath(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RelayRouteTable.Match(request.Method, request.Path) is { } route)
        {
            return route.Path;
        }

        var path = request.Path;
        return path == "/healthz" || path == "/readyz" || path == "/relay/v1/analyze" ? path.Value! : "other";
    }

    public static void ScrubServerSpan(Activity activity, HttpRequest request)
    {
        var path = KnownPath(request);
        activity.SetTag("url.path", path);
        activity.SetTag("http.route", path);
        activity.SetTag("url.query", null);
        activity.SetTag("user_agent.original", null);
        activity.SetTag("http.request.method_original", null);
        activity.SetTag("client.address", null);
        activity.SetTag("client.port", null);
        activity.DisplayName = GatewayDiagnostics.KnownMethod(request.Method) + " " + path;

        // A client's `baggage` header lands here (and in every child span): client text, so it is dropped.
        foreach (var item in activity.Baggage.ToList())
        {
            activity.SetBaggage(item.Key, null);
        }
    }

    public static void ScrubClientSpan(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            // Upstream paths are a configured BaseUrl prefix plus one of the fixed API paths; any other path is dropped.
            var path = uri.AbsolutePath;
            var known = RelayRouteTable.Routes.Any(r => path.EndsWith(r.Path, StringComparison.Ordinal));
            activity.SetTag("url.full", uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + (known ? path : "/"));
        }
        else
        {
            activity.SetTag("url.full", null);
        }

        activity.SetTag("url.query", null);
        activity.SetTag("http.request.method_original", null);
    }

    /// <summary>Exceptions are recorded as their type only: messages (e.g. a <c>JsonException</c>'s) may quote content.</summary>
    public static void ScrubException(Activity activity, Exception exception)
    {
        activity.SetTag("error.type", exception.GetType().FullName);
        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }
}
