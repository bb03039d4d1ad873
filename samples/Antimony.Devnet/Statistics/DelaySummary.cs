using System.Globalization;

namespace Antimony.Devnet.Statistics;

/// <summary>The figures every delay report gives: how many samples, median, 95th percentile and worst.</summary>
/// <param name="Count">The number of samples.</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="Max">The largest sample.</param>
internal readonly record struct DelaySummary(int Count, double P50, double P95, double Max)
{
    /// <summary>"p50 12.3 ms, p95 40.0 ms, max 51.2 ms (n=40)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {P50:0.0} ms, p95 {P95:0.0} ms, max {Max:0.0} ms (n={Count})");
}
