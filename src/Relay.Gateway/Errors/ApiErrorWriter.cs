using System.Text.Json;
using StealthRelay.Gateway.Routing;

namespace StealthRelay.Gateway.Errors;

/// <summary>
/// Writes errors in the shape the client's SDK parses: OpenAI <c>{"error":{"message","type","param","code"}}</c>,
/// Anthropic <c>{"type":"error","error":{"type","message"}}</c>. Messages are fixed gateway text, never request content.
/// </summary>
internal static class ApiErrorWriter
{
    public static byte[] Serialize(ApiFamily family, ApiErrorKind kind, string message)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (family == ApiFamily.Anthropic)
            {
                writer.WriteString("type", "error");
                writer.WriteStartObject("error");
                writer.WriteString("type", kind.AnthropicType);
                writer.WriteString("message", message);
                writer.WriteEndObject();
            }
            else
            {
                WriteOpenAIError(writer, kind, message);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The OpenAI <c>"error": {"message","type","param","code"}</c> member, written into an open object.</summary>
    public static void WriteOpenAIError(Utf8JsonWriter writer, ApiErrorKind kind, string message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(kind);
        writer.WriteStartObject("error");
        writer.WriteString("message", message);
        writer.WriteString("type", kind.OpenAIType);
        writer.WriteNull("param");
        writer.WriteString("code", kind.OpenAICode);
        writer.WriteEndObject();
    }

    /// <summary>Writes the error unless the response has already started (then the connection is aborted instead).</summary>
    public static async Task WriteAsync(HttpContext context, ApiFamily family, ApiErrorKind kind, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }

        var body = Serialize(family, kind, message);
        context.Response.StatusCode = kind.StatusCode;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, cancellationToken);
    }

    /// <summary>Picks the error shape for a request whose path did not name a family.</summary>
    public static ApiFamily GuessFamily(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.ContainsKey("anthropic-version") || request.Headers.ContainsKey("x-api-key")
            || request.Path.StartsWithSegments("/v1/messages", StringComparison.Ordinal)
            ? ApiFamily.Anthropic
            : ApiFamily.OpenAI;
    }
}
