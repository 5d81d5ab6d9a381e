using System.Buffers;
using System.Text.Json;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.LocalFallback.Protocols;

/// <summary>
/// Error bodies in each provider's shape: OpenAI <c>{"error":{"message","type","param","code"}}</c>, Anthropic
/// <c>{"type":"error","error":{"type","message"}}</c>. Messages name limits and fields, never request content.
/// </summary>
internal static class ProtocolErrors
{
    public static int StatusCode(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidRequest or ErrorKind.ContextLengthExceeded => 400,
        ErrorKind.RateLimited => 429,
        ErrorKind.Unavailable => 503,
        _ => 500,
    };

    public static byte[] Body(LocalApi api, ErrorKind kind, string message, string? param)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, ChatResponseWriter.WriterOptions))
        {
            WriteError(json, api, kind, message, param);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteError(Utf8JsonWriter json, LocalApi api, ErrorKind kind, string message, string? param)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        if (api == LocalApi.AnthropicMessages)
        {
            json.WriteString("type", "error");
            json.WriteStartObject("error");
            json.WriteString("type", kind switch
            {
                ErrorKind.InvalidRequest or ErrorKind.ContextLengthExceeded => "invalid_request_error",
                ErrorKind.RateLimited => "rate_limit_error",
                _ => "api_error",
            });
            json.WriteString("message", message);
            json.WriteEndObject();
        }
        else
        {
            json.WriteStartObject("error");
            json.WriteString("message", message);
            json.WriteString("type", kind switch
            {
                ErrorKind.InvalidRequest or ErrorKind.ContextLengthExceeded => "invalid_request_error",
                ErrorKind.RateLimited => "requests",
                _ => "server_error",
            });
            if (param is null)
            {
                json.WriteNull("param");
            }
            else
            {
                json.WriteString("param", param);
            }

            switch (kind)
            {
                case ErrorKind.ContextLengthExceeded:
                    json.WriteString("code", "context_length_exceeded");
                    break;
                case ErrorKind.RateLimited:
                    json.WriteString("code", "rate_limit_exceeded");
                    break;
                default:
                    json.WriteNull("code");
                    break;
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
