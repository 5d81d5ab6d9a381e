using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Errors;
using StealthRelay.Gateway.Local;
using StealthRelay.Gateway.Logging;
using StealthRelay.Gateway.Privacy;
using StealthRelay.Gateway.Resilience;
using StealthRelay.Gateway.Routing;
using StealthRelay.Gateway.Security;
using StealthRelay.Gateway.Telemetry;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;
using Yarp.ReverseProxy.Forwarder;

namespace StealthRelay.Gateway.Proxy;

/// <summary>
/// The request pipeline for one forwarded call: read the body into memory, redact it (fail closed), scrub user ids,
/// forward with YARP's <see cref="IHttpForwarder"/>, restore the answer (streamed or whole), clear the vault.
/// </summary>
internal sealed class RelayProxyHandler(
    IHttpForwarder forwarder,
    IRequestRedactor redactor,
    IResponseRestorer restorer,
    UserIdScrubber userIds,
    IOptions<RelayOptions> options,
    TimeProvider time,
    GatewayMetrics metrics,
    LocalRouter router,
    LocalRouteHandler local,
    UpstreamMetrics upstreamMetrics,
    ILogger<RelayProxyHandler> logger)
{
    public async Task HandleAsync(HttpContext context, RelayRoute route, Upstream upstream)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(upstream);
        var started = time.GetTimestamp();
        var cancellationToken = context.RequestAborted;
        var request = context.Request;

        if (route.Shape is not { } shape)
        {
            router.Record(context, "upstream", RouteReason.Default);
            await ForwardAsync(context, route, upstream, restoration: null, started, cancellationToken);
            return;
        }

        if (request.Headers.ContentEncoding is { Count: > 0 } encoding && !string.Equals(encoding.ToString(), "identity", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(context, route, ApiErrorKind.UnsupportedMediaType,
                "Compressed request bodies are not supported: send the JSON body without Content-Encoding.", "compressed body", cancellationToken);
            return;
        }

        PooledBody? body;
        try
        {
            body = await RequestBodyReader.ReadAsync(request, options.Value.Limits.MaxRequestBodyBytes, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && cancellationToken.IsCancellationRequested)
        {
            LogClientAborted(request.Method, route, upstream, started);
            return;
        }
        catch (BadHttpRequestException)
        {
            await RefuseAsync(context, route, ApiErrorKind.InvalidRequest,
                "The request body could not be read (malformed framing or the client stopped sending). Send a complete JSON body.",
                "unreadable body", cancellationToken);
            return;
        }

        if (body is null)
        {
            await RefuseAsync(context, route, ApiErrorKind.RequestTooLarge,
                $"The request body exceeds the gateway limit of {options.Value.Limits.MaxRequestBodyBytes} bytes (Relay:Limits:MaxRequestBodyBytes). Send a smaller request.",
                "body too large", cancellationToken);
            return;
        }

        // The original body lives until the answer is done: a local route (marking, local-only entity, fallback) needs it.
        using var original = body;
        if (Security.JsonDepthGuard.IsTooDeep(body.Memory.Span, options.Value.Limits.MaxJsonDepth))
        {
            await RefuseAsync(context, route, ApiErrorKind.InvalidRequest,
                $"The request JSON is nested deeper than the gateway limit of {options.Value.Limits.MaxJsonDepth} levels (Relay:Limits:MaxJsonDepth); nothing was forwarded.",
                "JSON too deep", cancellationToken);
            return;
        }

        if (router.BodyReason(body.Memory.Span) is { } markingReason)
        {
            await local.ServeAsync(context, route, body.Memory, markingReason);
            return;
        }

        RedactedRequest redacted;
        var redactionStarted = time.GetTimestamp();
        try
        {
            redacted = await redactor.RedactAsync(body.Memory, shape, upstream.Policy, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogClientAborted(request.Method, route, upstream, started);
            return;
        }
        catch (RedactionException ex)
        {
            var kind = ex.Failure switch
            {
                RedactionFailure.InvalidRequest => ApiErrorKind.InvalidRequest,
                RedactionFailure.Timeout => ApiErrorKind.Overloaded,
                _ => ApiErrorKind.Internal,
            };
            GatewayLog.RedactionRefused(logger, request.Method, route.Path, upstream.Name, ex.Failure, kind.StatusCode);
            var message = ex.Failure == RedactionFailure.InvalidRequest
                ? ex.Message
                : ex.Message + " Retry later or contact the gateway operator.";
            await ApiErrorWriter.WriteAsync(context, route.Family, kind, message, cancellationToken);
            return;
        }
#pragma warning disable CA1031 // Fail closed: any failure of redaction refuses the request with a safe message.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var exceptionType = ex.GetType().Name;
            GatewayLog.RedactionCrashed(logger, request.Method, route.Path, upstream.Name, exceptionType);
            await ApiErrorWriter.WriteAsync(context, route.Family, ApiErrorKind.Internal,
                "The gateway could not redact this request, so it was not forwarded. Retry later or contact the gateway operator.", cancellationToken);
            return;
        }

        var redactionMs = time.GetElapsedTime(redactionStarted).TotalMilliseconds;
        using (redacted)
        {
            if (router.EntityReason(redacted.EntityCounts) is { } entityReason)
            {
                RelayResponseHeaders.SetEntities(context, FormatCounts(redacted.EntityCounts));
                await local.ServeAsync(context, route, body.Memory, entityReason);
                return;
            }

            router.Record(context, "upstream", RouteReason.Default);
            var outgoing = userIds.Apply(redacted.Body, route.Family);
            var array = MemoryMarshal.TryGetArray(outgoing, out var segment) && segment.Array is not null
                ? segment
                : new ArraySegment<byte>(outgoing.ToArray());
            request.Body = new MemoryStream(array.Array!, array.Offset, array.Count, writable: false);
            request.ContentLength = array.Count;
            request.Headers.Remove("Transfer-Encoding");
            RelayResponseHeaders.SetEntities(context, FormatCounts(redacted.EntityCounts));
            metrics.EntitiesRedacted(upstream.RouteTag, redacted.EntityCounts);

            var restoration = new ResponseRestoration(restorer, shape, redacted.Vault, upstream.Policy.PlaceholderFormat, route.RestoreSuccess);
            await ForwardAsync(context, route, upstream, restoration, started, cancellationToken, redacted, redactionMs, body.Memory, array);
        }
    }

    private async Task ForwardAsync(HttpContext context, RelayRoute route, Upstream upstream, ResponseRestoration? restoration,
        long started, CancellationToken cancellationToken, RedactedRequest? redacted = null, double redactionMs = 0,
        ReadOnlyMemory<byte>? originalJson = null, ReadOnlyMemory<byte>? sanitizedBody = null)
    {
        var originalBody = context.Response.Body;
        // Answers are written as they come: no response buffering anywhere in the pipeline.
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var responseStream = new RestoringResponseStream(context.Response, originalBody, restoration, options.Value.Limits.MaxResponseBodyBytes);
        var exchange = new UpstreamExchange(sanitizedBody, upstream.Policy, RelayAccess.GetClient(context));
        var transformer = new RelayTransformer(upstream, responseStream, exchange, local.ServerErrorDiverter(context, route, upstream, originalJson));
        var requestConfig = new ForwarderRequestConfig
        {
            ActivityTimeout = TimeSpan.FromSeconds(options.Value.Limits.UpstreamActivityTimeoutSeconds),
        };

        ForwarderError error;
        Exception? completionError = null;
        context.Response.Body = responseStream;
        try
        {
            error = await forwarder.SendAsync(context, upstream.DestinationPrefix, upstream.Invoker, requestConfig, transformer, cancellationToken);
            if (error == ForwarderError.None && exchange.BodyFault is null && transformer.DivertedStatus is null)
            {
                try
                {
                    await responseStream.CompleteAsync(cancellationToken);
                }
#pragma warning disable CA1031 // Reported to the client below as a gateway error; never rethrown with content.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    completionError = ex;
                }
            }
        }
        finally
        {
            context.Response.Body = originalBody;
            await responseStream.DisposeAsync();
        }

        var method = context.Request.Method;
        if (cancellationToken.IsCancellationRequested || error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled
            or ForwarderError.ResponseBodyCanceled or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeResponseCanceled)
        {
            LogClientAborted(method, route, upstream, started);
            return;
        }

        if (error != ForwarderError.None || completionError is not null || exchange.BodyFault is not null || transformer.DivertedStatus is not null)
        {
            var failure = Classify(context, exchange, transformer, error, completionError, upstream.Name);
            GatewayLog.UpstreamFailed(logger, failure.UpstreamName, method, route.Path,
                completionError?.GetType().Name ?? (error == ForwarderError.None ? failure.Kind.ToString() : error.ToString()), failure.ErrorKind.StatusCode);
            if (exchange.BodyFault is not null)
            {
                upstreamMetrics.UpstreamError(failure.UpstreamName, UpstreamMetrics.KindName(failure.Kind));
            }

            // Retries and the fallback upstream (inside the invoker) are exhausted here; while no byte reached the
            // client the local model may still answer (Relay:Routing:FallbackToLocal).
            if (!failure.ResponseStarted && await local.TryFallBackAsync(context, route, originalJson, failure))
            {
                return;
            }

            if (failure.ResponseStarted && responseStream.Mode == ResponseMode.EventStream)
            {
                await StreamErrorEvent.EndStreamAsync(context, route, failure, logger);
                return;
            }

            await UpstreamFailureWriter.WriteAsync(context, route.Family, failure, CancellationToken.None);
            return;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var counts = redacted?.EntityCounts;
            var total = counts?.Values.Sum() ?? 0;
            var types = counts is null ? "" : FormatCounts(counts);
            var totalMs = time.GetElapsedTime(started).TotalMilliseconds;
            GatewayLog.Forwarded(logger, method, route.Path, upstream.Name, context.Response.StatusCode, total, types, redactionMs, totalMs);
        }
    }

    /// <summary>What went wrong, once the forwarder returned: a held-back 5xx, a fault in the answer's body, or no answer.</summary>
    private static UpstreamFailure Classify(
        HttpContext context, UpstreamExchange exchange, RelayTransformer transformer, ForwarderError error, Exception? completionError, string upstreamName)
    {
        var answeredBy = exchange.AnsweredBy ?? upstreamName;
        var started = context.Response.HasStarted;
        if (transformer.DivertedStatus is { } status)
        {
            return UpstreamFailure.ServerError(answeredBy, status);
        }

        if (exchange.BodyFault is { } fault && error == ForwarderError.None)
        {
            return new UpstreamFailure(fault, answeredBy, null, started);
        }

        return completionError is not null
            ? new UpstreamFailure(UpstreamFailureKind.BadResponse, answeredBy, null, started)
            : UpstreamFailure.FromForwarder(error, context.GetForwarderErrorFeature()?.Exception, answeredBy, started);
    }

    private void LogClientAborted(string method, RelayRoute route, Upstream upstream, long started)
    {
        var totalMs = time.GetElapsedTime(started).TotalMilliseconds;
        GatewayLog.ClientAborted(logger, method, route.Path, upstream.Name, totalMs);
    }

    private async Task RefuseAsync(HttpContext context, RelayRoute route, ApiErrorKind kind, string message, string reason, CancellationToken cancellationToken)
    {
        GatewayLog.RequestRefused(logger, context.Request.Method, route.Path, reason, kind.StatusCode);
        await ApiErrorWriter.WriteAsync(context, route.Family, kind, message, cancellationToken);
    }

    internal static string FormatCounts(IReadOnlyDictionary<string, int> counts) =>
        string.Join(',', counts.Where(c => c.Value > 0).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
}
