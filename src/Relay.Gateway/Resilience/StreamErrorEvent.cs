using System.Text;
using StealthRelay.Gateway.Errors;
using StealthRelay.Gateway.Routing;

namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// The last event of a stream whose upstream broke off, in the provider's own format: OpenAI
/// <c>data: {"error":{...}}</c>, Anthropic <c>event: error</c> + <c>{"type":"error","error":{"type":"api_error",...}}</c>.
/// Starts with a blank line so it is its own event even if the upstream stopped mid-event.
/// </summary>
internal static class StreamErrorEvent
{
    /// <summary>
    /// How long a broken OpenAI stream over HTTP/2 or HTTP/3 waits between flushing its error event and the reset. Kestrel
    /// flushes a response into the stream's own buffer, which the connection drains on another thread; a reset drops
    /// whatever that buffer still holds, so without the pause the reset overtook the error event in most runs (the
    /// client saw the failure without its reason); 100 ms sufficed on a quiet machine, 250 ms leaves room for a loaded one.
    /// Only broken streams pay it.
    /// </summary>
    internal static readonly TimeSpan MultiplexedResetDelay = TimeSpan.FromMilliseconds(250);

    public static byte[] Create(ApiFamily family, ApiErrorKind kind, string message)
    {
        var json = Encoding.UTF8.GetString(ApiErrorWriter.Serialize(family, kind, message));
        var text = family == ApiFamily.Anthropic
            ? $"\n\nevent: error\ndata: {json}\n\n"
            : $"\n\ndata: {json}\n\n";
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>
    /// Ends a started stream after <paramref name="failure"/>: writes the error event and flushes it. Anthropic SDKs raise
    /// on <c>event: error</c>, so that stream then ends normally. The OpenAI SDK does not look for an <c>error</c>
    /// member and treats a stream that simply ends (even without <c>[DONE]</c>) as complete, so for OpenAI routes this
    /// throws <see cref="StreamBrokenException"/> to make Kestrel cut the response: the client's read fails.
    /// </summary>
    public static async Task EndStreamAsync(HttpContext context, ApiFamily family, UpstreamFailure failure, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(failure);
        ResilienceLog.StreamFaulted(logger, failure.UpstreamName, failure.Kind);
        try
        {
            await context.Response.Body.WriteAsync(Create(family, failure.ErrorKind, failure.Message), CancellationToken.None);
            await context.Response.Body.FlushAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            return; // the client is gone already: nothing left to tell it
        }

        if (family == ApiFamily.OpenAI)
        {
            if (HttpProtocol.IsHttp2(context.Request.Protocol) || HttpProtocol.IsHttp3(context.Request.Protocol))
            {
                await Task.Delay(MultiplexedResetDelay, CancellationToken.None);
            }

            throw new StreamBrokenException(failure.UpstreamName);
        }
    }
}
