using StealthRelay.Gateway.Analysis;
using StealthRelay.Gateway.Errors;
using StealthRelay.Gateway.Local;
using StealthRelay.Gateway.Logging;
using StealthRelay.Gateway.Proxy;
using StealthRelay.Gateway.Security;
using StealthRelay.Gateway.Telemetry;

namespace StealthRelay.Gateway.Routing;

/// <summary>
/// The gateway's only endpoint: answers <c>/healthz</c> and <c>/relay/v1/analyze</c> itself, forwards the closed list
/// in <see cref="RelayRouteTable"/>, and answers 404 (never forwarded) for every other path or method.
/// </summary>
internal sealed class RelayDispatcher(
    RelayProxyHandler proxy,
    AnalyzeHandler analyze,
    UpstreamRegistry upstreams,
    RelayAccess access,
    LocalRouter router,
    LocalRouteHandler local,
    GatewayMetrics metrics,
    TimeProvider time,
    ReadinessHandler readiness)
{
    public const string LocalRoute = "local";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = time.GetTimestamp();
        using var activity = GatewayDiagnostics.StartRequest();
        try
        {
            await DispatchAsync(context);
        }
        finally
        {
            var known = TelemetryScrubber.KnownPath(context.Request);
            GatewayDiagnostics.RequestCompleted(activity, context, known);
            metrics.RequestCompleted(RelayResponseHeaders.GetRoute(context), known, context.Response.StatusCode, time.GetElapsedTime(started));
        }
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) && request.Path == "/healthz")
        {
            RelayResponseHeaders.SetRoute(context, LocalRoute);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"status\":\"ok\"}", context.RequestAborted);
            return;
        }

        if (HttpMethods.IsGet(request.Method) && request.Path == ReadinessHandler.Path)
        {
            RelayResponseHeaders.SetRoute(context, LocalRoute);
            await readiness.HandleAsync(context);
            return;
        }

        if (HttpMethods.IsPost(request.Method) && request.Path == "/relay/v1/analyze")
        {
            RelayResponseHeaders.SetRoute(context, LocalRoute);
            await analyze.HandleAsync(context);
            return;
        }

        var route = RelayRouteTable.Match(request.Method, request.Path);
        if (route is not null && route.Shape is null && request.Headers.ContainsKey("anthropic-version"))
        {
            route = route with { Family = ApiFamily.Anthropic }; // GET /v1/models from an Anthropic SDK
        }

        if (route is not null && router.ForcedLocalReason(request) is { } localReason)
        {
            await local.ServeAsync(context, route, originalJson: null, localReason); // local-only mode or X-Relay-Route: local
            return;
        }

        var upstream = route is null ? null : upstreams.For(route.Family);
        if (route is null || upstream is null)
        {
            await ApiErrorWriter.WriteAsync(context, route?.Family ?? ApiErrorWriter.GuessFamily(request), ApiErrorKind.NotFound,
                "The gateway does not serve this method and path; nothing was forwarded. Supported: POST /v1/chat/completions, /v1/responses, /v1/embeddings, /v1/messages, /v1/messages/count_tokens; GET /v1/models.",
                context.RequestAborted);
            return;
        }

        RelayResponseHeaders.SetRoute(context, upstream.RouteTag);
        if (await access.ScopeAsync(context, route.Family, upstream) is { } scoped) // 403 or the client's policy
        {
            await proxy.HandleAsync(context, route, scoped);
        }
    }
}
