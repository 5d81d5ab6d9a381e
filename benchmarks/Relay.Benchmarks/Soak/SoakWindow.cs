namespace StealthRelay.Benchmarks.Soak;

/// <summary>Latencies and errors recorded by the soak's clients since the last sample; thread-safe.</summary>
internal sealed class SoakWindow
{
    private readonly Lock _gate = new();
    private List<double> _latencies = new(4096);
    private int _errors;
    private TimeSpan _since = TimeSpan.Zero;

    public void Record(double milliseconds, bool ok)
    {
        lock (_gate)
        {
            _latencies.Add(milliseconds);
            if (!ok)
            {
                _errors++;
            }
        }
    }

    public SoakSample Take(TimeSpan elapsed, double rssMegabytes)
    {
        List<double> latencies;
        int errors;
        TimeSpan since;
        lock (_gate)
        {
            latencies = _latencies;
            errors = _errors;
            since = _since;
            _latencies = new List<double>(latencies.Count);
            _errors = 0;
            _since = elapsed;
        }

        var stats = new EndToEnd.LatencyStats(latencies);
        var seconds = Math.Max(0.001, (elapsed - since).TotalSeconds);
        return new SoakSample(elapsed, latencies.Count, errors, latencies.Count / seconds, stats.P50, stats.P99, rssMegabytes);
    }
}
