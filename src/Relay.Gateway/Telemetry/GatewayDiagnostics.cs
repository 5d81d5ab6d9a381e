using System.Diagnostics;
using StealthRelay.Gateway.Routing;

namespace StealthRelay.Gateway.Telemetry;

/// <summary>
/// The <c>StealthRelay.Gateway</c> activity source: one <c>relay.request</c> span per request, tagged with closed sets
/// only (the fixed route list or <c>other</c>, the configured upstream name, the API shape, the status code).
/// </summary>
internal static class GatewayDiagnostics
{
    public const string Name = "StealthRelay.Gateway";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>Starts the request span (null when nobody listens).</summary>
    public static Activity? StartRequest() => Source.StartActivity("relay.request", ActivityKind.Internal);

    /// <summary>Tags the finished request: route, upstream, shape, status. Never the path of an unknown request.</summary>
    public static void RequestCompleted(Activity? activity, HttpContext context, string knownPath)
    {
        if (activity is null)
        {
            return;
        }

        var route = RelayResponseHeaders.GetRoute(context);
        var status = context.Response.StatusCode;
        activity.SetTag("http.request.method", KnownMethod(context.Request.Method));
        activity.SetTag("http.route", knownPath);
        activity.SetTag("stealthrelay.route", route);
        if (route.StartsWith("upstream:", StringComparison.Ordinal))
        {
            activity.SetTag("stealthrelay.upstream", route["upstream:".Length..]);
        }

        if (RelayRouteTable.Match(context.Request.Method, context.Request.Path) is { } matched)
        {
            activity.SetTag("stealthrelay.api.family", matched.Family.ToString());
            activity.SetTag("stealthrelay.api.shape", matched.Shape?.ToString() ?? "none");
        }

        activity.SetTag("http.response.status_code", status);
        if (status >= 500)
        {
            activity.SetStatus(ActivityStatusCode.Error, StatusClass(status));
        }
    }

    /// <summary><c>2xx</c>, <c>4xx</c>, ...: a closed set for tags.</summary>
    public static string StatusClass(int status) => status is >= 100 and < 600 ? (status / 100) + "xx" : "other";

    /// <summary>The method when it is a standard one, else <c>_OTHER</c> (semantic conventions), so a tag never carries client text.</summary>
    public static string KnownMethod(string method) => method switch
    {
        _ when HttpMethods.IsGet(method) => "GET",
        _ when HttpMethods.IsPost(method) => "POST",
        _ when HttpMethods.IsPut(method) => "PUT",
        _ when HttpMethods.IsDelete(method) => "DELETE",
        _ when HttpMethods.IsHead(method) => "HEAD",
        _ when HttpMethods.IsOptions(method) => "OPTIONS",
        _ when HttpMethods.IsPatch(method) => "PATCH",
        _ => "_OTHER",
    };
}
