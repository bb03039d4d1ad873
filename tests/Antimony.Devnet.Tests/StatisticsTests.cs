using Antimony.Devnet.Bench;
using Antimony.Devnet.Statistics;

namespace Antimony.Devnet.Tests;

public sealed class StatisticsTests
{
    [Fact]
    public void Percentiles_interpolate_between_closest_ranks()
    {
        double[] values = [4, 1, 3, 2];
        Assert.Equal(2.5, Percentiles.Of(values, 50));
        Assert.Equal(1, Percentiles.Of(values, 0));
        Assert.Equal(4, Percentiles.Of(values, 100));
        Assert.Equal(3.85, Percentiles.Of(values, 95), 10);
        Assert.True(double.IsNaN(Percentiles.Of([], 50)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of(values, 101));
    }

    [Property]
    public Property A_percentile_lies_within_the_sample_and_grows_with_p(NonEmptyArray<NormalFloat> sample, byte p1, byte p2)
    {
        double[] values = [.. sample.Get.Select(v => v.Get)];
        double low = Math.Min(p1, p2) * 100.0 / 255, high = Math.Max(p1, p2) * 100.0 / 255;
        double a = Percentiles.Of(values, low), b = Percentiles.Of(values, high);
        return (a >= values.Min() && b <= values.Max() && a <= b + 1e-9 * Math.Max(1, Math.Abs(b))).Label($"p{low:0.0}={a} p{high:0.0}={b}");
    }

    [Fact]
    public void Summary_gives_median_p95_and_max()
    {
        var summary = Percentiles.Summarise([.. Enumerable.Range(1, 100).Select(i => (double)i)]);
        Assert.Equal(100, summary.Count);
        Assert.Equal(50.5, summary.P50);
        Assert.Equal(95.05, summary.P95, 10);
        Assert.Equal(100, summary.Max);
        Assert.Contains("p50 50.5 ms", summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_healthy_network_scores_one_hundred_and_each_part_is_a_quarter()
    {
        Assert.Equal(100, HealthScore.Compute(10, 10, 30, 0, 10, 10).Total);
        var half = HealthScore.Compute(10, 5, 30, 0, 10, 10);
        Assert.Equal(12.5, half.Running);
        Assert.Equal(88, half.Total);
        var failing = HealthScore.Compute(4, 4, 3, 1, 2, 4);
        Assert.Equal(18.75, failing.Connections);
        Assert.Equal(12.5, failing.ErrorFree);
        Assert.Equal(0, HealthScore.Compute(4, 0, 0, 0, 0, 0).Total);
    }

    [Property]
    public Property The_health_score_stays_between_0_and_100(byte nodes, byte running, byte ok, byte failed, byte errorFree, byte responsive)
    {
        int total = HealthScore.Compute(nodes, running, ok, failed, errorFree, responsive).Total;
        return (total >= 0 && total <= 100).Label($"{total}");
    }

    [Fact]
    public void Bench_parts_reward_quality_and_give_nothing_for_a_failed_test()
    {
        Assert.Equal(20, BenchScore.Propagation(true, 100));
        Assert.Equal(0, BenchScore.Propagation(true, 6000));
        Assert.Equal(0, BenchScore.Propagation(false, 100));
        Assert.Equal(10, BenchScore.Propagation(true, (BenchScore.FastP95Ms + BenchScore.SlowP95Ms) / 2), 6);
        Assert.Equal(20, BenchScore.Throughput(true, 10_000));
        Assert.Equal(15, BenchScore.Throughput(true, 1_000), 6);
        Assert.Equal(10, BenchScore.Throughput(true, 100), 6);
        Assert.Equal(0, BenchScore.Throughput(false, 100_000));
        Assert.Equal(12, BenchScore.Miners(true, 0.2), 6);
        Assert.Equal(9, BenchScore.Fork(5, 3), 6);
        Assert.Equal(15, BenchScore.Connectivity(true, 9, 9));
        Assert.Equal(15, BenchScore.Health(100));
        Assert.Equal(100, BenchScore.Parts.Sum(p => p.Max));
    }
}
