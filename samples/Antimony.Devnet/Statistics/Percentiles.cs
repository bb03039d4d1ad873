namespace Antimony.Devnet.Statistics;

/// <summary>Order statistics of a sample (delays in milliseconds, for instance).</summary>
internal static class Percentiles
{
    /// <summary>
    /// The <paramref name="percentile"/>-th percentile (0-100) of <paramref name="values"/> by linear interpolation
    /// between closest ranks (the "R-7" rule of spreadsheets and NumPy's default): p50 of {1,2,3,4} is 2.5, p100 is
    /// the maximum. An empty sample gives <see cref="double.NaN"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The percentile is outside 0-100.</exception>
    public static double Of(IReadOnlyCollection<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (values.Count == 0)
            return double.NaN;
        double[] sorted = [.. values.Order()];
        double rank = percentile / 100 * (sorted.Length - 1);
        int lower = (int)Math.Floor(rank);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }

    /// <summary>p50, p95 and maximum of <paramref name="values"/> in one go.</summary>
    public static DelaySummary Summarise(IReadOnlyCollection<double> values) =>
        new(values.Count, Of(values, 50), Of(values, 95), values.Count == 0 ? double.NaN : values.Max());
}
