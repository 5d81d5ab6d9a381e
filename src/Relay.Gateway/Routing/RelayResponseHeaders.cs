namespace StealthRelay.Gateway.Routing;

/// <summary>
/// Puts the gateway's own headers on every answer, errors included, just before the headers are sent:
/// <c>X-Relay-Route</c> (<c>upstream:&lt;name&gt;</c>, <c>local</c> for answers the gateway makes itself, <c>none</c> for
/// unknown paths) and, for redacted requests, <c>X-Relay-Entities</c> (types and counts only, e.g. <c>EMAIL_ADDRESS=1</c>).
/// Upstream headers of the same names never reach the client.
/// </summary>
internal static class RelayResponseHeaders
{
    public const string RouteHeader = "X-Relay-Route";
    public const string EntitiesHeader = "X-Relay-Entities";
    private const string RouteKey = "StealthRelay.Route";
    private const string EntitiesKey = "StealthRelay.Entities";

    public static IApplicationBuilder UseRelayResponseHeaders(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var ctx = (HttpContext)state;
            ctx.Response.Headers[RouteHeader] = ctx.Items[RouteKey] as string ?? "none";
            if (ctx.Items[EntitiesKey] is string entities)
            {
                ctx.Response.Headers[EntitiesHeader] = entities;
            }
            else
            {
                ctx.Response.Headers.Remove(EntitiesHeader);
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    public static void SetRoute(HttpContext context, string route) => context.Items[RouteKey] = route;

    public static string GetRoute(HttpContext context) => context.Items[RouteKey] as string ?? "none";

    public static void SetEntities(HttpContext context, string entities) => context.Items[EntitiesKey] = entities;
}
