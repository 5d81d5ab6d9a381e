using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StealthRelay.LocalFallback.Llama;
using StealthRelay.LocalFallback.Protocols;

namespace StealthRelay.LocalFallback.Service;

/// <summary>
/// Serves chat requests from the local model: parse, admit (bounded queue, 429 beyond it), template and tokenize,
/// rent a context, generate on a dedicated thread, write the provider's wire format. Every exit path waits for the
/// generation thread before the context goes back to the pool, so a context is never reused or freed mid-decode.
/// </summary>
internal sealed partial class LocalChatService : ILocalChatService, IDisposable
{
    /// <summary>Not a real HTTP answer: the client went away before anything was sent (nginx's convention).</summary>
    internal const int ClientClosedRequest = 499;

    /// <summary>Text deltas a stream may run ahead of its client.</summary>
    internal const int StreamBufferDeltas = 16;

    private readonly LocalOptions _options;
    private readonly ILogger<LocalChatService> _logger;
    private readonly TimeProvider _time;
    private readonly LocalMetrics _metrics;
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private LocalModelHost? _host;
    private long _loadFailedAt = -1;
    private int _admitted;
    private bool _disposed;

    public LocalChatService(IOptions<LocalOptions> options, ILogger<LocalChatService> logger, TimeProvider time, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        _logger = logger;
        _time = time;
        _metrics = new LocalMetrics(meterFactory, () => QueueDepth);
    }

    /// <summary>Admitted requests waiting for a context: those beyond <see cref="LocalOptions.MaxConcurrency"/>, at most the queue limit.</summary>
    internal int QueueDepth => Math.Clamp(Volatile.Read(ref _admitted) - _options.MaxConcurrency, 0, _options.QueueLimit);

    public async Task WarmUpAsync(CancellationToken cancellationToken) => await GetHostAsync(cancellationToken).ConfigureAwait(false);

    public Task<LocalResult> HandleAsync(
        LocalApi api, ReadOnlyMemory<byte> requestJson, Stream responseBody, Action<LocalResponseHead> onResponseStarting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseBody);
        ArgumentNullException.ThrowIfNull(onResponseStarting);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        return HandleMeasuredAsync(api, requestJson, new LocalResponse(responseBody, onResponseStarting), cancellationToken);
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _host?.Dispose();
        _loadGate.Dispose();
        _metrics.Dispose();
    }

    private async Task<LocalResult> HandleMeasuredAsync(LocalApi api, ReadOnlyMemory<byte> requestJson, LocalResponse response, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var activity = LocalMetrics.Source.StartActivity("local.generate");
        activity?.SetTag("stealthrelay.local.api", api.ToString());
        var result = await HandleCoreAsync(api, requestJson, response, cancellationToken).ConfigureAwait(false);
        _metrics.Completed(api, result, _time.GetElapsedTime(started));
        if (activity is not null)
        {
            // Counts and status only, never the prompt or the completion.
            activity.SetTag("stealthrelay.local.stream", result.Streamed);
            activity.SetTag("stealthrelay.local.prompt_tokens", result.PromptTokens);
            activity.SetTag("stealthrelay.local.completion_tokens", result.CompletionTokens);
            activity.SetTag("http.response.status_code", result.StatusCode);
            activity.SetTag("stealthrelay.local.cancelled", result.Cancelled);
        }

        return result;
    }

    private async Task<LocalResult> HandleCoreAsync(LocalApi api, ReadOnlyMemory<byte> requestJson, LocalResponse response, CancellationToken cancellationToken)
    {
        ChatRequest request;
        try
        {
            request = ChatRequestParser.Parse(api, requestJson);
        }
        catch (InvalidChatRequestException e)
        {
            LocalLog.InvalidRequest(_logger, api, e.Message);
            return await ErrorAsync(api, response, ErrorKind.InvalidRequest, e.Message, e.Param, cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(_options.ModelPath))
        {
            return await ErrorAsync(api, response, ErrorKind.Unavailable,
                "No in-process local model is configured (Relay:Local:ModelPath).", null, cancellationToken).ConfigureAwait(false);
        }

        var limit = _options.MaxConcurrency + _options.QueueLimit;
        var admitted = Interlocked.Increment(ref _admitted);
        _metrics.Admitted(1);
        try
        {
            if (admitted > limit)
            {
                LocalLog.QueueFull(_logger, api, admitted - 1, limit);
                return await ErrorAsync(api, response, ErrorKind.RateLimited,
                    $"The local model is busy: {limit} requests are running or queued. Retry after {_options.RetryAfterSeconds} s.",
                    null, cancellationToken).ConfigureAwait(false);
            }

            return await ServeAsync(api, request, response, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
            _metrics.Admitted(-1);
        }
    }

    private async Task<LocalResult> ServeAsync(LocalApi api, ChatRequest request, LocalResponse response, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        LocalModelHost host;
        try
        {
            host = await GetHostAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Cancelled(api, request, 0);
        }
        catch (ModelLoadDeferredException deferred)
        {
            LocalLog.ModelLoadDeferred(_logger, api, deferred.RetrySeconds);
            return await ErrorAsync(api, response, ErrorKind.Unavailable, "The local model could not be loaded.", null, cancellationToken, deferred.RetrySeconds)
                .ConfigureAwait(false);
        }
#pragma warning disable CA1031 // any load failure becomes a 503 in the provider's shape; the cause is logged
        catch (Exception e)
#pragma warning restore CA1031
        {
            LocalLog.ModelLoadFailed(_logger, _options.LoadRetrySeconds, e);
            return await ErrorAsync(
                api, response, ErrorKind.Unavailable, "The local model could not be loaded.", null, cancellationToken, Math.Max(1, _options.LoadRetrySeconds))
                .ConfigureAwait(false);
        }

        var prompt = host.Model.Tokenize(ChatPromptFormatter.Format(host.Model, request.Messages), addSpecial: true, parseSpecial: true);
        if (prompt.Length >= host.ContextSize)
        {
            LocalLog.PromptTooLong(_logger, api, prompt.Length, host.ContextSize);
            var message = api == LocalApi.AnthropicMessages
                ? $"prompt is too long: {prompt.Length} tokens > {host.ContextSize - 1} maximum"
                : $"This model's maximum context length is {host.ContextSize} tokens. However, your messages resulted in {prompt.Length} tokens. Please reduce the length of the messages.";
            return await ErrorAsync(api, response, ErrorKind.ContextLengthExceeded, message, "messages", cancellationToken).ConfigureAwait(false);
        }

        var generation = new GenerationRequest
        {
            MaxTokens = Math.Min(request.MaxTokens ?? int.MaxValue, host.ContextSize - prompt.Length),
            Sampling = request.Sampling,
            StopSequences = request.StopSequences,
        };

        LocalModelHost.Lease lease;
        try
        {
            lease = await host.RentAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Cancelled(api, request, prompt.Length);
        }

        using (lease)
        {
            var writer = ChatResponseWriter.Create(
                api, response.Body, request, request.Model ?? Path.GetFileNameWithoutExtension(_options.ModelPath!), _time.GetUtcNow().ToUnixTimeSeconds());
            var result = request.Stream
                ? await StreamAsync(api, request, lease.Context, prompt, generation, writer, response, cancellationToken).ConfigureAwait(false)
                : await CompleteAsync(api, request, lease.Context, prompt, generation, writer, response, cancellationToken).ConfigureAwait(false);
            if (!result.Cancelled)
            {
                var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LocalLog.RequestCompleted(_logger, api, request.Stream, result.PromptTokens, result.CompletionTokens, result.FinishReason ?? "error", elapsedMs);
            }

            return result;
        }
    }

    private async Task<LocalResult> CompleteAsync(
        LocalApi api, ChatRequest request, LlamaContext context, int[] prompt, GenerationRequest generation,
        ChatResponseWriter writer, LocalResponse response, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        GenerationResult result;
        try
        {
            result = await GenerationRunner.Run(context, prompt, generation, t => text.Append(t), cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            LocalLog.GenerationFailed(_logger, api, e);
            return await ErrorAsync(api, response, ErrorKind.Internal, "The local model failed while generating.", null, cancellationToken).ConfigureAwait(false);
        }

        if (result.Stop == GenerationStop.Cancelled)
        {
            return Cancelled(api, request, prompt.Length, result.CompletionTokens);
        }

        try
        {
            response.Start(new LocalResponseHead(200, ChatResponseWriter.JsonContentType, null));
            await writer.WriteCompletionAsync(text.ToString(), result, prompt.Length, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsClientGone(e, cancellationToken))
        {
            return Cancelled(api, request, prompt.Length, result.CompletionTokens);
        }

        return new LocalResult(200, false, prompt.Length, result.CompletionTokens, writer.FinishReason(result), false);
    }

    private async Task<LocalResult> StreamAsync(
        LocalApi api, ChatRequest request, LlamaContext context, int[] prompt, GenerationRequest generation,
        ChatResponseWriter writer, LocalResponse response, CancellationToken cancellationToken)
    {
        // Bounded: a slow client slows generation down (backpressure) instead of buffering the whole answer.
        var deltas = Channel.CreateBounded<string>(new BoundedChannelOptions(StreamBufferDeltas) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var generating = GenerationRunner.Run(context, prompt, generation, t => GenerationRunner.WriteBlocking(deltas.Writer, t, stop.Token), stop.Token, deltas.Writer);
        try
        {
            response.Start(new LocalResponseHead(200, ChatResponseWriter.EventStreamContentType, null));
            await writer.BeginStreamAsync(prompt.Length, cancellationToken).ConfigureAwait(false);
            await foreach (var delta in deltas.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteDeltaAsync(delta, cancellationToken).ConfigureAwait(false);
            }

            GenerationResult result;
            try
            {
                result = await generating.ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                LocalLog.GenerationFailed(_logger, api, e);
                await writer.WriteStreamErrorAsync("The local model failed while generating.", cancellationToken).ConfigureAwait(false);
                return new LocalResult(200, true, prompt.Length, 0, null, false);
            }

            if (result.Stop == GenerationStop.Cancelled)
            {
                return Cancelled(api, request, prompt.Length, result.CompletionTokens);
            }

            await writer.EndStreamAsync(result, prompt.Length, cancellationToken).ConfigureAwait(false);
            return new LocalResult(200, true, prompt.Length, result.CompletionTokens, writer.FinishReason(result), false);
        }
        catch (Exception e) when (IsClientGone(e, cancellationToken))
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await ((Task)generating).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return Cancelled(api, request, prompt.Length, generating.IsCompletedSuccessfully ? generating.Result.CompletionTokens : 0);
        }
        finally
        {
            // The context goes back to the pool only after the generation thread has stopped.
            await stop.CancelAsync().ConfigureAwait(false);
            await ((Task)generating).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static bool IsClientGone(Exception e, CancellationToken cancellationToken) =>
        e is IOException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private async Task<LocalModelHost> GetHostAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _host) is { } host)
        {
            return host;
        }

        await _loadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_host is null)
            {
                if (string.IsNullOrWhiteSpace(_options.ModelPath))
                {
                    throw new InvalidOperationException("No in-process local model is configured (Relay:Local:ModelPath).");
                }

                // A failed load (a file llama.cpp refuses, a GPU the CUDA build cannot run on, too little memory) is not
                // tried again by every request: each try can take seconds under the gate, and what failed rarely heals.
                if (_loadFailedAt >= 0)
                {
                    var waited = _time.GetElapsedTime(_loadFailedAt);
                    var retry = TimeSpan.FromSeconds(_options.LoadRetrySeconds);
                    if (waited < retry)
                    {
                        throw new ModelLoadDeferredException((int)Math.Ceiling((retry - waited).TotalSeconds));
                    }
                }

                try
                {
                    Volatile.Write(ref _host, await Task.Run(() => LocalModelHost.Load(_options, _logger), cancellationToken).ConfigureAwait(false));
                    _loadFailedAt = -1;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _loadFailedAt = _time.GetTimestamp();
                    throw;
                }
            }

            return _host!;
        }
        finally
        {
            _loadGate.Release();
        }
    }

    private async Task<LocalResult> ErrorAsync(
        LocalApi api, LocalResponse response, ErrorKind kind, string message, string? param, CancellationToken cancellationToken, int? retryAfterSeconds = null)
    {
        var status = ProtocolErrors.StatusCode(kind);
        retryAfterSeconds ??= kind == ErrorKind.RateLimited ? _options.RetryAfterSeconds : null;
        response.Start(new LocalResponseHead(status, ChatResponseWriter.JsonContentType, retryAfterSeconds));
        try
        {
            await response.Body.WriteAsync(ProtocolErrors.Body(api, kind, message, param), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsClientGone(e, cancellationToken))
        {
            return new LocalResult(status, false, 0, 0, null, true);
        }

        return new LocalResult(status, false, 0, 0, null, false);
    }

    private LocalResult Cancelled(LocalApi api, ChatRequest request, int promptTokens, int completionTokens = 0)
    {
        LocalLog.RequestCancelled(_logger, api, completionTokens);
        return new LocalResult(ClientClosedRequest, request.Stream, promptTokens, completionTokens, null, true);
    }
}
