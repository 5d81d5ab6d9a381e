using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Errors;
using StealthRelay.Gateway.Proxy;
using StealthRelay.Gateway.Resilience;
using StealthRelay.Gateway.Routing;
using StealthRelay.LocalFallback.Service;
using Yarp.ReverseProxy.Forwarder;

namespace StealthRelay.Gateway.Local;

/// <summary>
/// Answers a request on the local route with the ORIGINAL body: in-process through <see cref="ILocalChatService"/>
/// (<c>Relay:Local:ModelPath</c>) or by an OpenAI-compatible local server (<c>Relay:Local:Endpoint</c>), to which
/// OpenAI chat requests are forwarded and Anthropic messages translated (<see cref="LocalEndpointTranslator"/>;
/// forwarded too when <c>EndpointServesAnthropic</c>). Paths the local model does not serve get a 400, and with no
/// local model a 503: never a provider.
/// </summary>
internal sealed class LocalRouteHandler(
    LocalRouter router,
    IUpstreamFailurePolicy failurePolicy,
    LocalEndpointForwarder endpointForwarder,
    LocalEndpointTranslator endpointTranslator,
    IOptions<RelayOptions> relayOptions,
    IServiceProvider services,
    ILogger<LocalRouteHandler> logger)
{
    private readonly Lazy<LocalOptions?> _local = new(() => Configured(services.GetService<IOptions<LocalOptions>>()?.Value));

    /// <summary>True when a local model or endpoint is configured.</summary>
    public bool IsAvailable => _local.Value is not null;

    /// <summary>Whether the route can be answered by the local model at all (chat completions and messages).</summary>
    public static bool Serves(RelayRoute route) => ApiFor(route) is not null;

    /// <summary>
    /// Serves the request locally. <paramref name="originalJson"/> is the body already read (unredacted); null reads it
    /// here, in memory only, when the route needs one.
    /// </summary>
    public async Task ServeAsync(HttpContext context, RelayRoute route, ReadOnlyMemory<byte>? originalJson, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(route);
        var cancellationToken = context.RequestAborted;
        RelayResponseHeaders.SetRoute(context, LocalRouter.LocalValue);
        router.Record(context, LocalRouter.LocalValue, reason);
        var request = context.Request;

        if (ApiFor(route) is not { } api)
        {
            await RefuseAsync(context, route, reason, LocalRouteErrors.NotAvailableLocally, LocalRouteErrors.NotAvailable(route.Path), "path not served locally");
            return;
        }

        if (_local.Value is not { } local)
        {
            RouteLog.NoLocalModel(logger, request.Method, route.Path, reason);
            await ApiErrorWriter.WriteAsync(context, route.Family, LocalRouteErrors.NoLocalModel, LocalRouteErrors.NoLocalModelMessage, cancellationToken);
            return;
        }

        if (originalJson is { } body)
        {
            await ServeBodyAsync(context, route, api, local, body, reason, cancellationToken);
            return;
        }

        PooledBody? read;
        try
        {
            read = await RequestBodyReader.ReadAsync(request, relayOptions.Value.Limits.MaxRequestBodyBytes, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && cancellationToken.IsCancellationRequested)
        {
            RouteLog.ClientAborted(logger, request.Method, route.Path);
            return;
        }
        catch (BadHttpRequestException)
        {
            await RefuseAsync(context, route, reason, ApiErrorKind.InvalidRequest,
                "The request body could not be read (malformed framing or the client stopped sending). Send a complete JSON body.", "unreadable body");
            return;
        }

        if (read is null)
        {
            await RefuseAsync(context, route, reason, ApiErrorKind.RequestTooLarge,
                $"The request body exceeds the gateway limit of {relayOptions.Value.Limits.MaxRequestBodyBytes} bytes (Relay:Limits:MaxRequestBodyBytes). Send a smaller request.", "body too large");
            return;
        }

        using (read)
        {
            await ServeBodyAsync(context, route, api, local, read.Memory, reason, cancellationToken);
        }
    }

    /// <summary>
    /// The fallback hook at the point where the gateway would answer 502/504: when the policy agrees, nothing has been
    /// sent to the client yet and the route is served locally, answers locally and returns true.
    /// </summary>
    public async Task<bool> TryFallBackAsync(HttpContext context, RelayRoute route, ReadOnlyMemory<byte>? originalJson, UpstreamFailure failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(failure);
        if (!CanFallBack(context, route, originalJson) || !failurePolicy.ShouldServeLocally(failure))
        {
            return false;
        }

        RouteLog.FallingBack(logger, failure.UpstreamName, context.Request.Method, route.Path, failure.Kind, failure.StatusCode ?? 0);
        context.Response.Clear();
        await ServeAsync(context, route, originalJson, RouteReason.UpstreamFailure);
        return true;
    }

    /// <summary>A predicate for the forwarder's response hook: true when a 5xx with this status should be served locally.</summary>
    public Func<int, bool>? ServerErrorDiverter(HttpContext context, RelayRoute route, Upstream upstream, ReadOnlyMemory<byte>? originalJson) =>
        CanFallBack(context, route, originalJson)
            ? status => status >= 500 && failurePolicy.ShouldServeLocally(UpstreamFailure.ServerError(upstream.Name, status))
            : null;

    private bool CanFallBack(HttpContext context, RelayRoute route, ReadOnlyMemory<byte>? originalJson) =>
        originalJson is not null && IsAvailable && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
        && ApiFor(route) is not null;

    private async Task ServeBodyAsync(HttpContext context, RelayRoute route, LocalApi api, LocalOptions local, ReadOnlyMemory<byte> body, string reason, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (string.IsNullOrWhiteSpace(local.ModelPath))
        {
            if (api == LocalApi.AnthropicMessages && !local.EndpointServesAnthropic)
            {
                Report(context, route, reason, await endpointTranslator.ServeAsync(context, local.Endpoint!, body, cancellationToken));
                return;
            }

            var error = await endpointForwarder.ForwardAsync(context, local.Endpoint!, body, cancellationToken);
            if (error != ForwarderError.None && !cancellationToken.IsCancellationRequested)
            {
                RouteLog.LocalEndpointFailed(logger, request.Method, route.Path, error.ToString(), LocalRouteErrors.LocalEndpointFailed.StatusCode);
                await ApiErrorWriter.WriteAsync(context, route.Family, LocalRouteErrors.LocalEndpointFailed, LocalRouteErrors.LocalEndpointFailedMessage, CancellationToken.None);
            }

            return;
        }

        var chat = services.GetService<ILocalChatService>();
        if (chat is null)
        {
            RouteLog.NoLocalModel(logger, request.Method, route.Path, reason);
            await ApiErrorWriter.WriteAsync(context, route.Family, LocalRouteErrors.NoLocalModel, LocalRouteErrors.NoLocalModelMessage, cancellationToken);
            return;
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var response = context.Response;
        var result = await chat.HandleAsync(api, body, response.Body, head =>
        {
            response.StatusCode = head.StatusCode;
            response.ContentType = head.ContentType;
            if (head.RetryAfterSeconds is int seconds)
            {
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }
        }, cancellationToken);
        Report(context, route, reason, result);
    }

    private void Report(HttpContext context, RelayRoute route, string reason, LocalResult result)
    {
        if (result.Cancelled)
        {
            RouteLog.ClientAborted(logger, context.Request.Method, route.Path);
            return;
        }

        RouteLog.ServedLocally(logger, context.Request.Method, route.Path, reason, result.StatusCode, result.PromptTokens, result.CompletionTokens, result.Streamed);
    }

    private async Task RefuseAsync(HttpContext context, RelayRoute route, string reason, ApiErrorKind kind, string message, string problem)
    {
        RouteLog.LocalRefused(logger, context.Request.Method, route.Path, reason, problem, kind.StatusCode);
        await ApiErrorWriter.WriteAsync(context, route.Family, kind, message, context.RequestAborted);
    }

    private static LocalApi? ApiFor(RelayRoute route) => route.Shape switch
    {
        StealthRelay.Redaction.Protocols.ApiShape.OpenAIChatCompletions => LocalApi.OpenAIChat,
        StealthRelay.Redaction.Protocols.ApiShape.AnthropicMessages => LocalApi.AnthropicMessages,
        _ => null,
    };

    private static LocalOptions? Configured(LocalOptions? options) =>
        options is not null && (!string.IsNullOrWhiteSpace(options.ModelPath) || options.Endpoint is not null) ? options : null;
}
