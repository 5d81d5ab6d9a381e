using System.Globalization;

namespace StealthRelay.Benchmarks.Soak;

/// <summary>One sampling interval of the soak run.</summary>
internal sealed record SoakSample(TimeSpan Elapsed, int Requests, int Errors, double RequestsPerSecond, double P50, double P99, double RssMegabytes)
{
    public string ToRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Elapsed.TotalSeconds:F0} | {Requests} | {Errors} | {RequestsPerSecond:F0} | {P50:F2} | {P99:F2} | {RssMegabytes:F0} |");
}
