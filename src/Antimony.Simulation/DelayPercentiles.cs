using System.Globalization;

namespace Antimony.Simulation;

/// <summary>Percentiles of a set of delays (nearest rank), and how many samples they summarise.</summary>
/// <param name="P50">The median.</param>
/// <param name="P90">The 90th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
/// <param name="Max">The largest sample.</param>
/// <param name="Samples">The number of samples (zero: every percentile is zero).</param>
public readonly record struct DelayPercentiles(TimeSpan P50, TimeSpan P90, TimeSpan P99, TimeSpan Max, int Samples)
{
    /// <summary>The percentiles of <paramref name="delays"/> (sorted in place).</summary>
    public static DelayPercentiles Of(List<TimeSpan> delays)
    {
        ArgumentNullException.ThrowIfNull(delays);
        if (delays.Count == 0)
            return default;
        delays.Sort();
        return new DelayPercentiles(Rank(delays, 0.50), Rank(delays, 0.90), Rank(delays, 0.99), delays[^1], delays.Count);
    }

    /// <summary>Milliseconds, e.g. "p50 120.0 ms, p90 310.2 ms, p99 505.0 ms, max 612.7 ms (n=9900)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {P50.TotalMilliseconds:F1} ms, p90 {P90.TotalMilliseconds:F1} ms, p99 {P99.TotalMilliseconds:F1} ms, max {Max.TotalMilliseconds:F1} ms (n={Samples})");

    // Nearest rank: the smallest sample with at least p of the samples at or below it.
    private static TimeSpan Rank(List<TimeSpan> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
