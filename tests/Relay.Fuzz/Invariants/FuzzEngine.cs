using Microsoft.Extensions.DependencyInjection;
using StealthRelay.Redaction.Analysis;
using StealthRelay.Redaction.Protocols;
using StealthRelay.Redaction.Rehydration;

namespace StealthRelay.Fuzz.Invariants;

/// <summary>
/// The production wiring (<c>AddRelayRedaction()</c> with the default rule recognizers) with the analyzer wrapped in
/// a <see cref="RecordingAnalyzer"/>. The NER model is left out: it is deterministic ONNX inference over the same
/// texts and would make each execution ~100x slower without reaching new JSON or SSE code paths.
/// </summary>
internal sealed class FuzzEngine : IDisposable
{
    private readonly ServiceProvider _inner;
    private readonly ServiceProvider _outer;

    /// <param name="configure">Registrations made before the library's (which are TryAdd), e.g. a deliberately
    /// broken redactor in the tests that prove the invariants can fail.</param>
    public FuzzEngine(Action<IServiceCollection, IServiceProvider>? configure = null)
    {
        _inner = new ServiceCollection().AddRelayRedaction().BuildServiceProvider();
        Analyzer = new RecordingAnalyzer(_inner.GetRequiredService<IPiiAnalyzer>());
        var outer = new ServiceCollection().AddSingleton<IPiiAnalyzer>(Analyzer);
        configure?.Invoke(outer, _inner);
        _outer = outer.AddRelayRedaction().BuildServiceProvider();
        Redactor = _outer.GetRequiredService<IRequestRedactor>();
        Restorer = _outer.GetRequiredService<IResponseRestorer>();
    }

    public RecordingAnalyzer Analyzer { get; }

    public IRequestRedactor Redactor { get; }

    public IResponseRestorer Restorer { get; }

    public void Dispose()
    {
        _outer.Dispose();
        _inner.Dispose();
    }
}
