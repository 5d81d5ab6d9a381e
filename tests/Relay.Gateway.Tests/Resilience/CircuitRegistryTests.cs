using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using StealthRelay.Gateway.Configuration;
using StealthRelay.Gateway.Resilience;
using TelemetryCircuitState = StealthRelay.Gateway.Telemetry.CircuitState;

namespace StealthRelay.Gateway.Tests.Resilience;

public sealed class CircuitRegistryTests
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();
    private readonly CircuitRegistry _registry;

    public CircuitRegistryTests()
    {
        var relay = new RelayOptions();
        relay.Upstreams["openai"] = new UpstreamOptions { BaseUrl = "http://127.0.0.1:1" };
        relay.Upstreams["anthropic"] = new UpstreamOptions { BaseUrl = "http://127.0.0.1:2" };
        _registry = new CircuitRegistry(Options.Create(relay), _time);
    }

    [Fact]
    public void GetStates_NoCircuitRegistered_EveryConfiguredUpstreamClosed()
    {
        var states = _registry.GetStates().OrderBy(s => s.Upstream, StringComparer.Ordinal).ToList();

        Assert.Equal([("anthropic", TelemetryCircuitState.Closed), ("openai", TelemetryCircuitState.Closed)], states);
    }

    [Fact]
    public async Task GetStates_BreakerOpened_OpenUntilBreakDurationThenHalfOpen()
    {
        var pipeline = Breaker("openai");

        await FailAsync(pipeline, times: 2);

        Assert.Equal(TelemetryCircuitState.Open, StateOf("openai"));
        Assert.Equal(TelemetryCircuitState.Closed, StateOf("anthropic"));
        _time.Advance(Break - TimeSpan.FromSeconds(1));
        Assert.Equal(TelemetryCircuitState.Open, StateOf("openai"));
        _time.Advance(TimeSpan.FromSeconds(1)); // Polly still says open until a call comes; a trial call would go through
        Assert.Equal(TelemetryCircuitState.HalfOpen, StateOf("openai"));
    }

    [Fact]
    public async Task GetStates_TrialCallSucceeds_Closed()
    {
        var pipeline = Breaker("openai");
        await FailAsync(pipeline, times: 2);
        _time.Advance(Break);

        await pipeline.ExecuteAsync(static _ => ValueTask.FromResult(true), CancellationToken.None);

        Assert.Equal(TelemetryCircuitState.Closed, StateOf("openai"));
    }

    private ResiliencePipeline<bool> Breaker(string upstream)
    {
        var state = new CircuitBreakerStateProvider();
        var opened = _registry.Register(upstream, state);
        return new ResiliencePipelineBuilder<bool> { TimeProvider = _time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<bool>
            {
                StateProvider = state,
                MinimumThroughput = 2,
                FailureRatio = 0.5,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = Break,
                ShouldHandle = args => ValueTask.FromResult(!args.Outcome.Result),
                OnOpened = args =>
                {
                    opened(args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static async Task FailAsync(ResiliencePipeline<bool> pipeline, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await pipeline.ExecuteAsync(static _ => ValueTask.FromResult(false), CancellationToken.None);
        }
    }

    private TelemetryCircuitState StateOf(string upstream) => _registry.GetStates().Single(s => s.Upstream == upstream).State;
}
