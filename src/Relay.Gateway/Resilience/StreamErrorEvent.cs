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
    public static byte[] Create(ApiFamily family, ApiErrorKind kind, string message)
    {
        var json = Encoding.UTF8.GetString(ApiErrorWriter.Serialize(family, kind, message));
        var text = family == ApiFamily.Anthropic
            ? $"\n\nevent: error\ndata: {json}\n\n"
            : $"\n\ndata: {json}\n\n";
        return Encoding.UTF8.GetBytes(text);
    }
}
