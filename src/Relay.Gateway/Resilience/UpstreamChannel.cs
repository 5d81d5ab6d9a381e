using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Proxy;
using StealthRelay.Gateway.Telemetry;
using StealthRelay.Redaction.Policy;

namespace StealthRelay.Gateway.Resilience;

/// <summary>
/// One upstream's connection pool and its Polly pipeline: total timeout (outermost) → retry with jittered exponential
/// back-off that honours <c>Retry-After</c> → circuit breaker (each attempt counts) → first-byte timeout per attempt.
/// Every attempt happens before any byte reaches the client: the pipeline ends when response headers arrive. Each
/// failed attempt (exception, timeout, 429/5xx, refusal by the open circuit) is counted in
/// <see cref="UpstreamMetrics"/>; the breaker's state is registered in <see cref="CircuitRegistry"/>.
/// </summary>
internal sealed class UpstreamChannel : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger _logger;
    private readonly UpstreamMetrics _metrics;

    public UpstreamChannel(
        string name, UpstreamOptions config, RedactionPolicy globalPolicy, ResilienceSettings settings, HttpMessageHandler handler,
        TimeProvider time, ILogger logger, CircuitRegistry circuits, UpstreamMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(circuits);
        ArgumentNullException.ThrowIfNull(metrics);
        Settings = settings;
        Time = time;
        _logger = logger;
        _metrics = metrics;
        _invoker = new HttpMessageInvoker(handler);
        Upstream = new Upstream(name, config.Protocol ?? UpstreamProtocol.OpenAI, config.BaseUrl!.TrimEnd('/'), config.ApiKey,
            config.Policy ?? globalPolicy, _invoker);
        _pipeline = Build(name, settings, time, logger, circuits);
    }

    /// <summary>The upstream (destination, credentials) this channel calls; its invoker is the bare connection pool.</summary>
    public Upstream Upstream { get; }

    public ResilienceSettings Settings { get; }

    public TimeProvider Time { get; }

    /// <summary>
    /// Sends the request through the pipeline. Returns the answer (possibly a transient status once retries are
    /// exhausted); throws <see cref="UpstreamFailureException"/> when no answer came, or
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> (the client) cancelled.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, HttpContent? content, UpstreamExchange? exchange, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (state, ct) =>
                {
                    state.exchange?.CountAttempt();
                    // A message can be sent once: each attempt sends a copy with the same (already sanitized) content.
                    // Polly's tokens (timeouts) bound the wait for headers only; the body is read under the caller's
                    // token (client abort, YARP activity), so the answer's lifetime gets its own linked source.
                    var copy = CopyOf(state.request, state.content);
                    var lifetime = CancellationTokenSource.CreateLinkedTokenSource(state.cancellationToken);
                    copy.Options.Set(LifetimeKey, lifetime);
                    try
                    {
                        using (ct.Register(static s => ((CancellationTokenSource)s!).Cancel(), lifetime))
                        {
                            var response = await state.channel._invoker.SendAsync(copy, lifetime.Token);
                            state.channel._metrics.UpstreamAnswered(state.channel.Upstream.Name, (int)response.StatusCode);
                            return response;
                        }
                    }
                    catch
                    {
                        lifetime.Dispose();
                        if (!state.cancellationToken.IsCancellationRequested)
                        {
                            // Polly's token fired: first-byte or total timeout; otherwise the connection failed.
                            state.channel._metrics.UpstreamError(state.channel.Upstream.Name,
                                UpstreamMetrics.KindName(ct.IsCancellationRequested ? UpstreamFailureKind.Timeout : UpstreamFailureKind.Unreachable));
                        }

                        throw;
                    }
                },
                (channel: this, request, content, exchange, cancellationToken),
                cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            ResilienceLog.CircuitOpen(_logger, Upstream.Name);
            _metrics.UpstreamError(Upstream.Name, UpstreamMetrics.KindName(UpstreamFailureKind.CircuitOpen));
            throw new UpstreamFailureException(UpstreamFailureKind.CircuitOpen, Upstream.Name, ex.RetryAfter ?? Settings.BreakDuration, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new UpstreamFailureException(UpstreamFailureKind.Timeout, Upstream.Name, null, ex);
        }
        catch (Exception ex) when (IsConnectionFailure(ex, cancellationToken))
        {
            throw new UpstreamFailureException(UpstreamFailureKind.Unreachable, Upstream.Name, null, ex);
        }
    }

    /// <summary>The token source an answer's body is read under; disposed with the answer's content.</summary>
    public static readonly HttpRequestOptionsKey<CancellationTokenSource> LifetimeKey = new("StealthRelay.AttemptLifetime");

    public void Dispose() => _invoker.Dispose();

    /// <summary>A new message with the same method, address, version, headers and options, carrying <paramref name="content"/>.</summary>
    internal static HttpRequestMessage CopyOf(HttpRequestMessage request, HttpContent? content)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
            Content = content,
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return copy;
    }

    /// <summary>Refused, reset or timed-out connections (not the client's own cancellation).</summary>
    internal static bool IsConnectionFailure(Exception ex, CancellationToken clientToken) => ex switch
    {
        HttpRequestException => true,
        OperationCanceledException when !clientToken.IsCancellationRequested => true,
        IOException when !clientToken.IsCancellationRequested => true,
        _ => false,
    };

    private static ResiliencePipeline<HttpResponseMessage> Build(
        string name, ResilienceSettings settings, TimeProvider time, ILogger logger, CircuitRegistry circuits)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = name, TimeProvider = time };
        builder.AddTimeout(settings.TotalTimeout);
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException } => true,
                    { Exception: { } ex } => IsConnectionFailure(ex, args.Context.CancellationToken),
                    { Result: { } response } => RetryAfter.IsTransient(response.StatusCode)
                        && (RetryAfter.From(response, time) ?? TimeSpan.Zero) <= settings.MaxRetryAfter,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response && RetryAfter.From(response, time) is { } wait ? (TimeSpan?)wait : null),
                OnRetry = args =>
                {
                    var status = args.Outcome.Result is { } r ? (int)r.StatusCode : 0;
                    ResilienceLog.Retrying(logger, name, args.AttemptNumber + 1, status, args.Outcome.Exception?.GetType().Name ?? "", args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (settings.CircuitBreakerEnabled)
        {
            var state = new CircuitBreakerStateProvider();
            var opened = circuits.Register(name, state);
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                StateProvider = state,
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException } => true,
                    { Exception: { } ex } => IsConnectionFailure(ex, args.Context.CancellationToken),
                    { Result: { } response } => RetryAfter.IsTransient(response.StatusCode),
                    _ => false,
                }),
                OnOpened = args =>
                {
                    ResilienceLog.CircuitOpened(logger, name, args.BreakDuration.TotalSeconds);
                    opened(args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(settings.FirstByteTimeout);
        return builder.Build();
    }
}
