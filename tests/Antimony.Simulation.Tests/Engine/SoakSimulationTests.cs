using Xunit.Abstractions;

namespace Antimony.Simulation.Tests.Engine;

[Trait("Category", "Soak")]
public sealed class SoakSimulationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(500)]
    [InlineData(1_000)]
    public void Large_networks_converge_with_sane_percentiles(int nodes)
    {
        var report = NetworkSimulation.Run(new SimulationSettings { Nodes = nodes, Blocks = 200, Seed = 1 });
        output.WriteLine(report.ToMarkdown());

        Assert.True(report.Converged);
        Assert.Equal(report.FinalHeight * (nodes - 1), report.Propagation.Samples);
        Assert.InRange(report.Propagation.P50, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3));
        Assert.InRange(report.TimeToAll.P99, report.TimeToHalf.P50, TimeSpan.FromSeconds(12));
        Assert.InRange(report.StaleRate, 0, 0.2);
    }
}
