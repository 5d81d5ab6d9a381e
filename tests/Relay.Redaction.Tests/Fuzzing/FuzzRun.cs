namespace StealthRelay.Redaction.Tests.Fuzzing;

/// <summary>
/// Runs a check over the seed corpus, then over a fixed number of mutants. Bounded by the iteration count alone, so
/// the same seed runs the same inputs on any machine, however busy (a wall-clock budget made the run's size depend
/// on load). Returns the first failure with its iteration and input (base64), so it can be replayed with
/// <c>Relay.Fuzz</c>.
/// </summary>
internal static class FuzzRun
{
    public static IReadOnlyList<byte[]> Corpus(string folder) =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "corpus", folder))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)];

    public static (int Executed, string? Failure) Run(IReadOnlyList<byte[]> corpus, int seed, int iterations, Action<byte[]> check)
    {
        var mutator = new Mutator(corpus, seed);
        var executed = 0;
        for (var i = -corpus.Count; i < iterations; i++)
        {
            var input = i < 0 ? corpus[corpus.Count + i] : mutator.Next();
            try
            {
                check(input);
            }
            catch (Exception e)
            {
                return (executed, $"iteration {i} (seed {seed}): {e.GetType().Name}: {e.Message}\n{e.InnerException}\ninput (base64): {Convert.ToBase64String(input)}");
            }

            executed++;
        }

        return (executed, null);
    }
}
