namespace StealthRelay.Benchmarks.EndToEnd;

/// <summary>Percentiles over recorded latencies in milliseconds.</summary>
internal sealed class LatencyStats(List<double> samples)
{
    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    private double Percentile(double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        var index = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
