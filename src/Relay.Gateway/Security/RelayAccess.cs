using StealthRelay.Gateway.Errors;
using StealthRelay.Gateway.Proxy;
using StealthRelay.Gateway.Routing;

namespace StealthRelay.Gateway.Security;

/// <summary>
/// Who is calling. Runs around rate limiting, before the dispatcher: <c>/healthz</c> and <c>/readyz</c> stay open;
/// <c>/relay/*</c> needs the admin key (403 while none is configured); with clients configured every other request
/// needs a known client key (401 otherwise) and the key is removed so it never reaches a provider. Nothing is forwarded
/// on any refusal.
/// </summary>
internal sealed class RelayAccess(ClientRegistry clients, ILogger<RelayAccess> logger)
{
    private const string ClientKey = "StealthRelay.Client";

    public static RelayClient? GetClient(HttpContext context) => context.Items[ClientKey] as RelayClient;

    /// <summary>
    /// Runs before the rate limiter: remembers which known client presented its key, refusing nothing, so the limiter
    /// partitions by client and callers with unknown keys are limited by address before they get their 401.
    /// </summary>
    public Task IdentifyAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var path = context.Request.Path;
        if (!clients.PassThrough && !IsOpen(path) && !path.StartsWithSegments("/relay", StringComparison.OrdinalIgnoreCase)
            && clients.Authenticate(PresentedKey.Candidates(context.Request)) is { } client)
        {
            context.Items[ClientKey] = client;
        }

        return next(context);
    }

    /// <summary>Runs after the rate limiter: refuses unknown keys (401) and the admin endpoints without the admin key.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.Request;
        if (IsOpen(request.Path))
        {
            await next(context);
            return;
        }

        if (request.Path.StartsWithSegments("/relay", StringComparison.OrdinalIgnoreCase))
        {
            RelayResponseHeaders.SetRoute(context, RelayDispatcher.LocalRoute);
            if (!clients.AdminEnabled)
            {
                await RefuseAsync(context, ApiFamily.OpenAI, ApiErrorKind.Forbidden,
                    "The /relay/* endpoints are disabled: set Relay:Admin:KeySha256 to the hex SHA-256 of an admin key and send that key as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.",
                    "admin endpoints disabled");
                return;
            }

            if (!clients.IsAdmin(PresentedKey.Candidates(request)))
            {
                await RefuseAsync(context, ApiFamily.OpenAI, ApiErrorKind.Unauthorized,
                    "The /relay/* endpoints need the admin key: send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'.",
                    "missing or unknown admin key");
                return;
            }

            PresentedKey.Remove(request);
            await next(context);
            return;
        }

        if (clients.PassThrough)
        {
            await next(context);
            return;
        }

        if (GetClient(context) is null)
        {
            await RefuseAsync(context, Family(request), ApiErrorKind.Unauthorized,
                "Missing or unknown client key: send the key the gateway operator gave you as 'Authorization: Bearer <key>' (OpenAI SDKs) or 'x-api-key: <key>' (Anthropic SDKs).",
                "missing or unknown client key");
            return;
        }

        PresentedKey.Remove(request);
        await next(context);
    }

    /// <summary>
    /// Applies the caller's client to the chosen upstream: 403 (written here, returns null) when the client may not use
    /// it; otherwise the upstream with the client's policy, if it has one (precedence client &gt; upstream &gt; global).
    /// </summary>
    public async Task<Upstream?> ScopeAsync(HttpContext context, ApiFamily family, Upstream upstream)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(upstream);
        if (GetClient(context) is not { } client)
        {
            return upstream;
        }

        if (!client.MayUse(upstream.Name))
        {
            SecurityLog.UpstreamForbidden(logger, context.Request.Method, SafePath(context.Request), client.Name, upstream.Name);
            await ApiErrorWriter.WriteAsync(context, family, ApiErrorKind.Forbidden,
                $"This client key may not use upstream '{upstream.Name}' (Relay:Clients:<name>:AllowedUpstreams); nothing was forwarded.",
                context.RequestAborted);
            return null;
        }

        return client.Policy is { } policy ? upstream with { Policy = policy } : upstream;
    }

    internal static bool IsOpen(PathString path) => path == "/healthz" || path == "/readyz";

    internal static ApiFamily Family(HttpRequest request) =>
        RelayRouteTable.Match(request.Method, request.Path) is { } route && !request.Headers.ContainsKey("anthropic-version")
            ? route.Family
            : ApiErrorWriter.GuessFamily(request);

    /// <summary>The path for logs: one of the fixed paths, or <c>other</c> (an unknown path may carry anything).</summary>
    internal static string SafePath(HttpRequest request) =>
        RelayRouteTable.Match(request.Method, request.Path)?.Path
        ?? (request.Path == "/relay/v1/analyze" ? "/relay/v1/analyze" : "other");

    private async Task RefuseAsync(HttpContext context, ApiFamily family, ApiErrorKind kind, string message, string reason)
    {
        SecurityLog.Refused(logger, context.Request.Method, SafePath(context.Request), reason, kind.StatusCode);
        await ApiErrorWriter.WriteAsync(context, family, kind, message, context.RequestAborted);
    }
}
