using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StealthRelay.LocalFallback.Service;

/// <summary>
/// Instruments of the local model on the <c>StealthRelay.LocalFallback</c> meter (counts and timings, no content):
/// requests by API and outcome, prompt/completion tokens, request duration, requests running or queued.
/// </summary>
internal sealed class LocalMetrics : IDisposable
{
    public const string MeterName = "StealthRelay.LocalFallback";

    /// <summary>Activity source of the local generation span (<c>local.generate</c>: API, stream, token counts, status).</summary>
    internal static readonly ActivitySource Source = new(MeterName);

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _tokens;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _admitted;

    public LocalMetrics(IMeterFactory? meterFactory, Func<int>? queued = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _requests = _meter.CreateCounter<long>("stealthrelay.local.requests", "{request}", "Requests answered by the local model, by API and outcome.");
        _tokens = _meter.CreateCounter<long>("stealthrelay.local.tokens", "{token}", "Prompt and completion tokens processed by the local model.");
        _duration = _meter.CreateHistogram<double>("stealthrelay.local.duration", "s", "Time from admission to the end of the answer.");
        _admitted = _meter.CreateUpDownCounter<long>("stealthrelay.local.admitted", "{request}", "Requests running or waiting for a context.");
        if (queued is not null)
        {
            _meter.CreateObservableGauge("stealthrelay.local.queue.depth", queued, "{request}", "Admitted requests waiting for a context (beyond MaxConcurrency).");
        }
    }

    public void Admitted(int delta) => _admitted.Add(delta);

    public void Completed(LocalApi api, LocalResult result, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(result);
        var apiTag = new KeyValuePair<string, object?>("api", api == LocalApi.AnthropicMessages ? "anthropic" : "openai");
        var outcome = result.Cancelled ? "cancelled" : result.StatusCode switch
        {
            200 => "ok",
            429 => "rejected",
            >= 500 => "error",
            _ => "invalid",
        };
        _requests.Add(1, apiTag, new("outcome", outcome));
        if (result.PromptTokens > 0)
        {
            _tokens.Add(result.PromptTokens, apiTag, new("direction", "prompt"));
        }

        if (result.CompletionTokens > 0)
        {
            _tokens.Add(result.CompletionTokens, apiTag, new("direction", "completion"));
        }

        _duration.Record(elapsed.TotalSeconds, apiTag, new("outcome", outcome));
    }

    public void Dispose() => _meter.Dispose();
}
