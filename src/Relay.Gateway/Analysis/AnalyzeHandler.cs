using System.Text.Json;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Errors;
using StealthRelay.Gateway.Logging;
using StealthRelay.Gateway.Proxy;
using StealthRelay.Gateway.Routing;
using StealthRelay.Redaction;
using StealthRelay.Redaction.Analysis;

namespace StealthRelay.Gateway.Analysis;

/// <summary>
/// <c>POST /relay/v1/analyze</c> with <c>{"text":"..."}</c> answers <c>{"entities":[{"type","start","end","score"}]}</c>
/// (UTF-16 offsets, end exclusive) using <c>Relay:Redaction:Policy</c>. Nothing is forwarded anywhere.
/// </summary>
internal sealed class AnalyzeHandler(IPiiAnalyzer analyzer, IOptions<RelayOptions> options, TimeProvider time, ILogger<AnalyzeHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var started = time.GetTimestamp();
        string text;
        using (var body = await RequestBodyReader.ReadAsync(context.Request, options.Value.Limits.MaxRequestBodyBytes, cancellationToken))
        {
            if (body is null)
            {
                await ApiErrorWriter.WriteAsync(context, ApiFamily.OpenAI, ApiErrorKind.RequestTooLarge,
                    "The request body exceeds Relay:Limits:MaxRequestBodyBytes. Send a shorter text.", cancellationToken);
                return;
            }

            if (!TryReadText(body.Memory.Span, out text))
            {
                await ApiErrorWriter.WriteAsync(context, ApiFamily.OpenAI, ApiErrorKind.InvalidRequest,
                    "Send a JSON object with a string property \"text\", e.g. {\"text\":\"...\"}.", cancellationToken);
                return;
            }
        }

        IReadOnlyList<IReadOnlyList<EntitySpan>> results;
        try
        {
            results = await analyzer.AnalyzeAsync([text], options.Value.Redaction.Policy, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
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
            GatewayLog.AnalyzeFailed(logger, ex.Failure.ToString(), kind.StatusCode);
            await ApiErrorWriter.WriteAsync(context, ApiFamily.OpenAI, kind, ex.Message, cancellationToken);
            return;
        }
#pragma warning disable CA1031 // Reported to the client with a safe message.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            GatewayLog.AnalyzeFailed(logger, ex.GetType().Name, 500);
            await ApiErrorWriter.WriteAsync(context, ApiFamily.OpenAI, ApiErrorKind.Internal, "Detection failed. Retry later or contact the gateway operator.", cancellationToken);
            return;
        }

        var spans = results.Count > 0 ? results[0] : [];
        var elapsedMs = time.GetElapsedTime(started).TotalMilliseconds;
        GatewayLog.Analyzed(logger, text.Length, spans.Count, elapsedMs);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("entities");
        foreach (var span in spans)
        {
            writer.WriteStartObject();
            writer.WriteString("type", span.Type);
            writer.WriteNumber("start", span.Start);
            writer.WriteNumber("end", span.End);
            writer.WriteNumber("score", Math.Round(span.Score, 4));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    internal static bool TryReadText(ReadOnlySpan<byte> body, out string text)
    {
        text = "";
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String)
            {
                text = value.GetString()!;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
