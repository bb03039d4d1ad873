using Antimony.Simulation.Network;

namespace Antimony.Simulation.Tests.Engine;

public sealed class NetworkSimulationTests
{
    private static readonly SimulationSettings Small = new() { Nodes = 100, Blocks = 30, Seed = 7 };

    [Fact]
    public void The_same_seed_gives_the_same_report()
    {
        var first = NetworkSimulation.Run(Small);
        var second = NetworkSimulation.Run(Small);

        Assert.Equal(first with { WallClock = default }, second with { WallClock = default });
        Assert.Equal(Strip(first.ToJson()), Strip(second.ToJson()));
    }

    [Fact]
    public void A_different_seed_gives_a_different_run()
    {
        var first = NetworkSimulation.Run(Small);
        var other = NetworkSimulation.Run(Small with { Seed = 8 });

        Assert.NotEqual(first.FinalTip, other.FinalTip);
        Assert.NotEqual(first with { WallClock = default }, other with { WallClock = default });
    }

    [Fact]
    public void A_hundred_nodes_converge_on_one_tip_with_sane_propagation()
    {
        var report = NetworkSimulation.Run(Small);

        Assert.True(report.Converged);
        Assert.True(report.BlocksMined >= Small.Blocks);
        Assert.Equal(report.BlocksMined, report.FinalHeight + report.StaleBlocks);
        // Every best-chain block reached every other node.
        Assert.Equal((report.FinalHeight) * (Small.Nodes - 1), report.Propagation.Samples);
        Assert.Equal(report.FinalHeight, report.TimeToAll.Samples);
        // At least one inter-region hop (>= 1 ms one way) and far below the block interval.
        Assert.InRange(report.Propagation.P50, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(2));
        Assert.InRange(report.TimeToAll.Max, report.TimeToHalf.Max, TimeSpan.FromSeconds(5));
        Assert.True(report.Propagation.P50 <= report.Propagation.P90 && report.Propagation.P90 <= report.Propagation.P99);
        Assert.True(report.TimeToHalf.P50 <= report.TimeToNinetyPercent.P50 && report.TimeToNinetyPercent.P50 <= report.TimeToAll.P50);
        // Headers-first relay: each node downloads each block about once.
        Assert.InRange(report.BlockMessages, (long)report.BlocksMined, (long)report.BlocksMined * Small.Nodes * 2);
    }

    [Fact]
    public void One_block_over_one_link_takes_three_latencies_plus_serialisation_and_validation()
    {
        // Node 0 is in UsEast, node 1 in UsWest: 70 ms round trip, 35 ms one way.
        var settings = new SimulationSettings { Nodes = 2, Blocks = 1, Miners = 1, UploadBitsPerSecond = 1_000_000, LatencyJitter = 0 };
        var report = NetworkSimulation.Run(settings);

        // headers (24 + 1 + 81), getdata (24 + 1 + 36), block: the only three frames.
        Assert.Equal(3, report.Messages);
        Assert.Equal(1, report.BlockMessages);
        long blockFrame = report.Bytes - 106 - 61;
        long oneWay = TimeSpan.FromMilliseconds(35).Ticks;
        long expected = 3 * oneWay + Serialise(106, 1_000_000) + Serialise(61, 1_000_000) + Serialise(blockFrame, 1_000_000)
            + TimeSpan.FromMilliseconds(5).Ticks + (blockFrame - 24) * TimeSpan.TicksPerSecond / 50_000_000;
        Assert.Equal(TimeSpan.FromTicks(expected), report.Propagation.Max);
        Assert.Equal(1, report.Propagation.Samples);
    }

    [Fact]
    public void The_tiered_devnet_relays_through_its_bootstrap_hierarchy()
    {
        var report = NetworkSimulation.Run(SimulationSettings.LocalDevnet() with { Blocks = 20 });

        Assert.Equal(9, report.Links);
        Assert.True(report.Converged);
        Assert.Equal(0, report.StaleBlocks); // one miner never forks itself
        Assert.Equal(20 * 9, report.Propagation.Samples);
        // Loopback links: a few hops of validation time (5 ms each), never seconds.
        Assert.InRange(report.TimeToAll.Max, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Jitter_delays_messages_by_at_most_its_fraction_of_the_latency()
    {
        var settings = new SimulationSettings { Nodes = 2, Blocks = 1, Miners = 1, LatencyJitter = 0 };
        var exact = NetworkSimulation.Run(settings);
        var jittered = NetworkSimulation.Run(settings with { LatencyJitter = 0.5 });

        // Three one-way trips of 35 ms, each up to 50% longer.
        var extra = jittered.Propagation.Max - exact.Propagation.Max;
        Assert.InRange(extra, TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(3 * 17.5));
    }

    [Fact]
    public void Slow_links_fork_the_chain_and_every_node_still_ends_on_the_most_work_tip()
    {
        // A 5 s one-way delay per hop against a 12 s block interval: miners keep building on stale tips.
        var settings = new SimulationSettings
        {
            Nodes = 20, Miners = 5, Blocks = 30, Seed = 5, Latency = LatencyMatrix.Uniform(TimeSpan.FromSeconds(10)),
        };
        var report = NetworkSimulation.Run(settings);

        Assert.True(report.Converged);
        Assert.True(report.StaleBlocks > 0, report.ToMarkdown());
        Assert.Equal(report.BlocksMined, report.FinalHeight + report.StaleBlocks);
    }

    [Fact]
    public void Extra_block_bytes_slow_propagation_down()
    {
        var settings = new SimulationSettings { Nodes = 30, Blocks = 10, Seed = 3 };
        var small = NetworkSimulation.Run(settings);
        var large = NetworkSimulation.Run(settings with { ExtraBlockBytes = 1_000_000 });

        Assert.True(large.Propagation.P50 > small.Propagation.P50 + TimeSpan.FromMilliseconds(100),
            $"{small.Propagation} vs {large.Propagation}");
    }

    [Fact]
    public void Invalid_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => NetworkSimulation.Run(new SimulationSettings { Nodes = 1 }));
        Assert.Throws<ArgumentException>(() => NetworkSimulation.Run(new SimulationSettings { Nodes = 5, Miners = 6 }));
        Assert.Throws<ArgumentException>(() => NetworkSimulation.Run(new SimulationSettings { UploadBitsPerSecond = 0 }));
    }

    [Fact]
    public void Cancellation_stops_a_run()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => NetworkSimulation.Run(Small, cancelled.Token));
    }

    [Fact]
    public void The_report_prints_as_markdown_and_json()
    {
        var report = NetworkSimulation.Run(SimulationSettings.LocalDevnet() with { Blocks = 3 });

        Assert.Contains("| blocks mined / stale |", report.ToMarkdown(), StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(report.ToJson());
        Assert.Equal(10, json.RootElement.GetProperty("nodes").GetInt32());
        Assert.Equal(report.Propagation.P50.TotalMilliseconds, json.RootElement.GetProperty("propagationMs").GetProperty("p50").GetDouble());
        Assert.Equal(report.FinalTip, json.RootElement.GetProperty("finalTip").GetString());
    }

    private static long Serialise(long bytes, long bitsPerSecond) => new Uplink(bitsPerSecond).SerialisationTicks(bytes);

    private static string Strip(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"(wallClockSeconds|speedUp)\": [^,\\n}]*", "");
}
