using StealthRelay.Fuzz.Invariants;
using StealthRelay.Redaction.Protocols;
using Xunit.Abstractions;

namespace StealthRelay.Redaction.Tests.Fuzzing;

/// <summary>
/// The CI-bounded fuzzer: the AFL targets' invariants (see tests/Relay.Fuzz) over the seed corpus and a fixed
/// sequence of mutants. Deterministic: the same seed always runs the same inputs.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261123;

    private readonly FuzzEngine _engine = new();

    [Fact]
    public void RequestRedactor_MutatedRequests_InvariantsHold()
    {
        var (executed, failure) = FuzzRun.Run(FuzzRun.Corpus("requests"), Seed, iterations: 3000, bytes => RequestInvariants.Check(_engine, bytes));
        output.WriteLine($"{executed} inputs x {Enum.GetValues<ApiShape>().Length} shapes");
        Assert.True(failure is null, failure);
        Assert.True(executed > 100, "the fuzzer ran too few inputs to mean anything");
    }

    [Fact]
    public void StreamRestorer_MutatedStreams_InvariantsHold()
    {
        var (executed, failure) = FuzzRun.Run(FuzzRun.Corpus("streams"), Seed, iterations: 250, bytes => StreamInvariants.Check(_engine, bytes));
        output.WriteLine($"{executed} inputs x {Enum.GetValues<ApiShape>().Length} shapes");
        Assert.True(failure is null, failure);
        Assert.True(executed > 100, "the fuzzer ran too few inputs to mean anything");
    }

    [Fact]
    public void StreamRestorer_MutatedRequestsAsStreams_InvariantsHold()
    {
        // JSON bodies full of PII are good stream-text material too: quotes, escapes and values next to placeholders.
        var (executed, failure) = FuzzRun.Run(FuzzRun.Corpus("requests"), Seed + 1, iterations: 150, bytes => StreamInvariants.Check(_engine, bytes));
        Assert.True(failure is null, failure);
        Assert.True(executed > 50, "the fuzzer ran too few inputs to mean anything");
    }

    public void Dispose() => _engine.Dispose();
}
