using Antimony.Simulation.Network;
using Xunit.Abstractions;

namespace Antimony.Simulation.Tests.Engine;

// The reference runs quoted in the package README: 300 blocks (an hour of virtual time) each.
[Trait("Category", "Soak")]
public sealed class SoakSimulationTests(ITestOutputHelper output)
{
    private const int Blocks = 300;

    [Theory]
    [InlineData(100)]
    [InlineData(500)]
    [InlineData(1_000)]
    public void Large_networks_converge_with_sane_percentiles(int nodes)
    {
        var report = NetworkSimulation.Run(new SimulationSettings { Nodes = nodes, Blocks = Blocks, Seed = 1 });
        output.WriteLine(report.ToMarkdown());
        output.WriteLine(report.ToJson());

        Assert.True(report.Converged);
        Assert.Equal(report.FinalHeight * (nodes - 1), report.Propagation.Samples);
        Assert.InRange(report.Propagation.P50, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3));
        Assert.InRange(report.TimeToAll.P90, report.TimeToHalf.P50, TimeSpan.FromSeconds(12));
        Assert.InRange(report.StaleRate, 0, 0.2);
    }

    [Fact]
    public void Megabyte_blocks_propagate_slower_and_go_stale_more_often()
    {
        var settings = new SimulationSettings { Nodes = 100, Blocks = Blocks, Seed = 1 };
        var small = NetworkSimulation.Run(settings);
        var full = NetworkSimulation.Run(settings with { ExtraBlockBytes = 1_000_000 });
        output.WriteLine(full.ToMarkdown());

        Assert.True(full.Converged);
        Assert.True(full.Propagation.P50 > small.Propagation.P50 + TimeSpan.FromMilliseconds(200));
        Assert.True(full.StaleBlocks >= small.StaleBlocks);
    }

    [Fact]
    public void Five_hundred_nodes_give_the_same_report_twice()
    {
        var settings = new SimulationSettings { Nodes = 500, Blocks = 100, Seed = 42 };
        var first = NetworkSimulation.Run(settings);
        var second = NetworkSimulation.Run(settings);
        output.WriteLine(first.ToMarkdown());
        output.WriteLine(second.ToMarkdown());

        Assert.Equal(first with { WallClock = default }, second with { WallClock = default });
    }

    [Fact]
    public void The_ten_node_tiered_devnet_on_one_machine_and_across_regions()
    {
        var loopback = NetworkSimulation.Run(SimulationSettings.LocalDevnet() with { Blocks = Blocks });
        var regions = NetworkSimulation.Run(SimulationSettings.LocalDevnet() with { Blocks = Blocks, Latency = LatencyMatrix.Default, UploadBitsPerSecond = 50_000_000 });
        var miners = NetworkSimulation.Run(SimulationSettings.LocalDevnet() with { Blocks = Blocks, Miners = 5 });
        output.WriteLine(loopback.ToMarkdown());
        output.WriteLine(regions.ToMarkdown());
        output.WriteLine(miners.ToMarkdown());

        Assert.True(loopback.Converged && regions.Converged && miners.Converged);
        Assert.True(regions.Propagation.P50 > loopback.Propagation.P50);
    }
}
