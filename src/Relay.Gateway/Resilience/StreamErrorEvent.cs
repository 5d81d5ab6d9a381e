using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using StealthRelay.Gateway.Errors;
using StealthRelay.Gateway.Routing;
using StealthRelay.Redaction.Protocols;

namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// The last event of a stream whose upstream broke off, in the provider's own format: OpenAI chat
/// <c>data: {"error":{...}}</c>, OpenAI Responses <c>event: error</c> + <c>{"type":"error","code",...}</c>, Anthropic
/// <c>event: error</c> + <c>{"type":"error","error":{"type":"api_error",...}}</c>.
/// Starts with a blank line so it is its own event even if the upstream stopped mid-event.
/// </summary>
internal static class StreamErrorEvent
{
    /// <summary>
    /// How long a broken OpenAI stream waits between flushing its error event and the cut. A flush hands the event to
    /// Kestrel's output buffer, which is drained onto the socket on another thread; a cut (HTTP/2 or HTTP/3 stream reset,
    /// HTTP/1.1 connection abort) drops whatever that buffer still holds, so without the pause the cut overtook the error
    /// event in most runs (the client saw the failure without its reason); 100 ms sufficed on a quiet machine, 250 ms
    /// leaves room for a loaded one. Only broken streams pay it.
    /// </summary>
    internal static readonly TimeSpan CutDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>HTTP/2's INTERNAL_ERROR (RFC 9113, 7).</summary>
    private const int Http2InternalError = 0x2;

    /// <summary>HTTP/3's H3_INTERNAL_ERROR (RFC 9114, 8.1).</summary>
    private const int Http3InternalError = 0x102;

    public static byte[] Create(ApiFamily family, ApiErrorKind kind, string message) =>
        family == ApiFamily.Anthropic
            ? Event("error", ApiErrorWriter.Serialize(family, kind, message))
            : Event(null, ApiErrorWriter.Serialize(family, kind, message));

    /// <summary>
    /// The error event of a Responses API stream: <c>event: error</c> with the Responses stream's own error object
    /// (<c>{"type":"error","code","message","param"}</c>, which the .NET SDK yields as a <c>StreamingResponseErrorUpdate</c>)
    /// that also carries the chat-style <c>error</c> member, which the Node SDK raises as its <c>APIError</c>. No
    /// <c>sequence_number</c>: the gateway does not count the provider's events.
    /// </summary>
    public static byte[] CreateForResponses(ApiErrorKind kind, string message)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "error");
            writer.WriteString("code", kind.OpenAICode);
            writer.WriteString("message", message);
            writer.WriteNull("param");
            ApiErrorWriter.WriteOpenAIError(writer, kind, message);
            writer.WriteEndObject();
        }

        return Event("error", buffer.ToArray());
    }

    /// <summary>One server-sent event after a blank line, so it stands alone even if the upstream stopped mid-event.</summary>
    private static byte[] Event(string? name, byte[] json)
    {
        var text = name is null
            ? $"\n\ndata: {Encoding.UTF8.GetString(json)}\n\n"
            : $"\n\nevent: {name}\ndata: {Encoding.UTF8.GetString(json)}\n\n";
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>
    /// Ends a started stream after <paramref name="failure"/>: writes the error event and flushes it. Anthropic SDKs raise
    /// on <c>event: error</c>, so that stream then ends normally. The OpenAI SDK does not look for an <c>error</c>
    /// member and treats a stream that simply ends (even without <c>[DONE]</c>) as complete, so an OpenAI stream is then
    /// cut (<see cref="CutAsync"/>): the client's read fails.
    /// </summary>
    public static async Task EndStreamAsync(HttpContext context, RelayRoute route, UpstreamFailure failure, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(failure);
        ResilienceLog.StreamFaulted(logger, failure.UpstreamName, failure.Kind);
        try
        {
            var errorEvent = route.Shape == ApiShape.OpenAIResponses
                ? CreateForResponses(failure.ErrorKind, failure.Message)
                : Create(route.Family, failure.ErrorKind, failure.Message);
            await context.Response.Body.WriteAsync(errorEvent, CancellationToken.None);
            await context.Response.Body.FlushAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            return; // the client is gone already: nothing left to tell it
        }

        if (route.Family == ApiFamily.OpenAI)
        {
            await CutAsync(context, failure.UpstreamName);
        }
    }

    /// <summary>
    /// Cuts the response on purpose, as the deliberate end of a broken stream rather than an application fault (an
    /// unhandled exception, which Kestrel logs as an error). After <see cref="CutDelay"/>, an HTTP/2 or HTTP/3 stream is
    /// reset with INTERNAL_ERROR (the connection and its other streams live on); an HTTP/1.1 connection is aborted, so the
    /// chunked body never gets its terminating chunk.
    /// </summary>
    private static async Task CutAsync(HttpContext context, string upstreamName)
    {
        await Task.Delay(CutDelay, CancellationToken.None);
        if (!HttpProtocol.IsHttp2(context.Request.Protocol) && !HttpProtocol.IsHttp3(context.Request.Protocol))
        {
            context.Abort();
            return;
        }

        var reset = context.Features.Get<IHttpResetFeature>()
            ?? throw new StreamBrokenException(upstreamName); // no reset on this server: an unhandled exception resets the stream
        reset.Reset(HttpProtocol.IsHttp3(context.Request.Protocol) ? Http3InternalError : Http2InternalError);
    }
}
