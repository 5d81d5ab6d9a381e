using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Errors;
using StealthRelay.Gateway.Proxy;
using StealthRelay.Gateway.Routing;
using StealthRelay.LocalFallback.Protocols;
using StealthRelay.LocalFallback.Service;

namespace StealthRelay.Gateway.Local;

/// <summary>
/// Answers an Anthropic messages request from a local endpoint that speaks only OpenAI: the original body, parsed as
/// the in-process model parses it, goes to <c>{Endpoint}/v1/chat/completions</c> as an OpenAI chat request, and the
/// answer (JSON, or SSE relayed chunk by chunk as it arrives) comes back in the Anthropic shape, written by the
/// in-process model's own writer. No header of the client goes along. Fails closed in the Anthropic error shape:
/// 502 when the endpoint cannot be reached, times out, fails (5xx) or answers something else than a chat completion;
/// 429 and 400 when it refuses the request (its error text, which may quote the prompt, is not passed on); an
/// <c>error</c> event once the stream has started. Bodies stay in memory.
/// </summary>
internal sealed class LocalEndpointTranslator(
    LocalEndpointInvoker invoker, IOptions<RelayOptions> relayOptions, TimeProvider time, ILogger<LocalEndpointTranslator> logger)
{
    /// <summary>Longest wait for the endpoint's headers, answer or next chunk: YARP's default, as the forwarder has.</summary>
    internal static readonly TimeSpan ActivityTimeout = TimeSpan.FromSeconds(100);

    public async Task<LocalResult> ServeAsync(HttpContext context, Uri endpoint, ReadOnlyMemory<byte> anthropicJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endpoint);
        ChatRequest request;
        try
        {
            request = ChatRequestParser.Parse(LocalApi.AnthropicMessages, anthropicJson);
        }
        catch (InvalidChatRequestException e)
        {
            // What the in-process model answers to the same body (images, tool blocks, no max_tokens): 400 naming the field.
            return await ErrorAsync(context, ApiErrorKind.InvalidRequest, e.Message, false, cancellationToken);
        }

        using var timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var exchange = new Exchange(context, request, timer, linked.Token, cancellationToken);
        using var message = ChatCompletionsRequest(endpoint, request);
        HttpResponseMessage response;
        try
        {
            timer.CancelAfter(ActivityTimeout);
            response = await invoker.Invoker.SendAsync(message, linked.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return cancellationToken.IsCancellationRequested
                ? Cancelled(request)
                : await FailAsync(exchange, timer.IsCancellationRequested ? "timed out" : "unreachable", null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is >= 200 and <= 299)
            {
                return request.Stream ? await StreamAsync(exchange, response) : await CompleteAsync(exchange, response);
            }

            return status switch
            {
                429 => await RefusedAsync(exchange, status, ApiErrorKind.TooManyRequests, LocalRouteErrors.LocalEndpointBusyMessage, response.Headers.RetryAfter?.Delta),
                >= 400 and <= 499 => await RefusedAsync(exchange, status, ApiErrorKind.InvalidRequest, LocalRouteErrors.LocalEndpointRefusedMessage(status), null),
                _ => await FailAsync(exchange, "error status", status),
            };
        }
    }

    private async Task<LocalResult> CompleteAsync(Exchange exchange, HttpResponseMessage response)
    {
        OpenAIChatAnswer answer;
        try
        {
            exchange.Timer.CancelAfter(ActivityTimeout);
            var body = await ReadBodyAsync(response.Content, relayOptions.Value.Limits.MaxResponseBodyBytes, exchange.EndpointToken);
            answer = OpenAIChatAnswerReader.ReadCompletion(body);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or InvalidDataException)
        {
            return exchange.ClientToken.IsCancellationRequested ? Cancelled(exchange.Request) : await FailAsync(exchange, Problem(exchange, e), 200);
        }

        var result = OpenAIFinishReasons.ToGenerationResult(answer.FinishReason, answer.MatchedStop, exchange.Request.StopSequences, answer.CompletionTokens ?? 0);
        var promptTokens = answer.PromptTokens ?? 0;
        var writer = StartResponse(exchange, answer.Model, ChatResponseWriter.JsonContentType);
        try
        {
            await writer.WriteCompletionAsync(answer.Text, result, promptTokens, exchange.ClientToken);
        }
        catch (Exception e) when (IsClientGone(e, exchange.ClientToken))
        {
            return Cancelled(exchange.Request);
        }

        return new LocalResult(200, false, promptTokens, result.CompletionTokens, writer.FinishReason(result), false);
    }

    private async Task<LocalResult> StreamAsync(Exchange exchange, HttpResponseMessage response)
    {
        ChatResponseWriter? writer = null;
        string? finishReason = null;
        string? matchedStop = null;
        int promptTokens = 0, completionTokens = 0;
        try
        {
            using var reader = new OpenAIChatStreamReader(await response.Content.ReadAsStreamAsync(exchange.EndpointToken), relayOptions.Value.Limits.MaxResponseBodyBytes);
            while (true)
            {
                exchange.Timer.CancelAfter(ActivityTimeout);
                if (await reader.ReadAsync(exchange.EndpointToken) is not { } chunk)
                {
                    break;
                }

                // The client's stream starts with the endpoint's first chunk: until then a failure is still a plain 502.
                if (writer is null)
                {
                    writer = StartResponse(exchange, chunk.Model, ChatResponseWriter.EventStreamContentType);
                    await writer.BeginStreamAsync(0, exchange.ClientToken);
                }

                if (chunk.Text.Length > 0)
                {
                    await writer.WriteDeltaAsync(chunk.Text, exchange.ClientToken);
                }

                finishReason ??= chunk.FinishReason;
                matchedStop ??= chunk.MatchedStop;
                promptTokens = chunk.PromptTokens ?? promptTokens;
                completionTokens = chunk.CompletionTokens ?? completionTokens;
            }

            if (writer is null || (!reader.Done && finishReason is null))
            {
                throw new InvalidDataException("The local endpoint's stream ended before its answer did.");
            }

            var result = OpenAIFinishReasons.ToGenerationResult(finishReason, matchedStop, exchange.Request.StopSequences, completionTokens);
            await writer.EndStreamAsync(result, promptTokens, exchange.ClientToken);
            return new LocalResult(200, true, promptTokens, completionTokens, writer.FinishReason(result), false);
        }
        catch (Exception e) when (IsClientGone(e, exchange.ClientToken))
        {
            return Cancelled(exchange.Request);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or InvalidDataException)
        {
            if (writer is null)
            {
                return await FailAsync(exchange, Problem(exchange, e), 200);
            }

            Log(exchange, Problem(exchange, e) + " mid-stream", 200, 200);
            try
            {
                await writer.WriteStreamErrorAsync(LocalRouteErrors.LocalEndpointBrokeOffMessage, exchange.ClientToken);
            }
            catch (Exception gone) when (IsClientGone(gone, exchange.ClientToken))
            {
                return Cancelled(exchange.Request);
            }

            return new LocalResult(200, true, promptTokens, completionTokens, null, false);
        }
    }

    private ChatResponseWriter StartResponse(Exchange exchange, string? endpointModel, string contentType)
    {
        var response = exchange.Context.Response;
        exchange.Context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        var model = exchange.Request.Model ?? endpointModel ?? "local";
        return ChatResponseWriter.Create(LocalApi.AnthropicMessages, response.Body, exchange.Request, model, time.GetUtcNow().ToUnixTimeSeconds());
    }

    private async Task<LocalResult> FailAsync(Exchange exchange, string problem, int? endpointStatus)
    {
        Log(exchange, problem, endpointStatus ?? 0, LocalRouteErrors.LocalEndpointFailed.StatusCode);
        return await ErrorAsync(exchange.Context, LocalRouteErrors.LocalEndpointFailed, LocalRouteErrors.LocalEndpointFailedMessage, exchange.Request.Stream, exchange.ClientToken);
    }

    private async Task<LocalResult> RefusedAsync(Exchange exchange, int endpointStatus, ApiErrorKind kind, string message, TimeSpan? retryAfter)
    {
        Log(exchange, "refused the request", endpointStatus, kind.StatusCode);
        if (retryAfter is { } delay && delay >= TimeSpan.Zero)
        {
            exchange.Context.Response.Headers.RetryAfter = ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return await ErrorAsync(exchange.Context, kind, message, exchange.Request.Stream, exchange.ClientToken);
    }

    private static async Task<LocalResult> ErrorAsync(HttpContext context, ApiErrorKind kind, string message, bool streamed, CancellationToken cancellationToken)
    {
        try
        {
            await ApiErrorWriter.WriteAsync(context, ApiFamily.Anthropic, kind, message, cancellationToken);
        }
        catch (Exception e) when (IsClientGone(e, cancellationToken))
        {
            return new LocalResult(kind.StatusCode, streamed, 0, 0, null, true);
        }

        return new LocalResult(kind.StatusCode, streamed, 0, 0, null, false);
    }

    private void Log(Exchange exchange, string problem, int endpointStatus, int statusCode) =>
        RouteLog.LocalEndpointTranslationFailed(logger, exchange.Context.Request.Method, exchange.Context.Request.Path.Value ?? "/", problem, endpointStatus, statusCode);

    private static HttpRequestMessage ChatCompletionsRequest(Uri endpoint, ChatRequest request)
    {
        var prefix = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var content = new ByteArrayContent(OpenAIChatRequestWriter.Write(request));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(prefix + "/v1/chat/completions")) { Content = content };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(request.Stream ? "text/event-stream" : "application/json"));
        message.Headers.TryAddWithoutValidation("User-Agent", HeaderScrubber.UserAgent);
        return message;
    }

    /// <summary>The whole answer, in memory, at most <paramref name="maxBytes"/>.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw new InvalidDataException("The local endpoint's answer exceeds Relay:Limits:MaxResponseBodyBytes.");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidDataException("The local endpoint's answer exceeds Relay:Limits:MaxResponseBodyBytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static string Problem(Exchange exchange, Exception e) =>
        e is InvalidDataException ? "malformed answer" : exchange.Timer.IsCancellationRequested ? "timed out" : "answer broken off";

    private static bool IsClientGone(Exception e, CancellationToken clientToken) =>
        clientToken.IsCancellationRequested && e is OperationCanceledException or IOException or HttpRequestException;

    private static LocalResult Cancelled(ChatRequest request) => new(LocalChatService.ClientClosedRequest, request.Stream, 0, 0, null, true);

    /// <summary>One translated call: the client's token, and the endpoint's (client or activity timeout).</summary>
    private sealed record Exchange(HttpContext Context, ChatRequest Request, CancellationTokenSource Timer, CancellationToken EndpointToken, CancellationToken ClientToken);
}
