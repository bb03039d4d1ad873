using Antimony.Simulation;
using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.Simulation;

/// <summary>
/// Simulator throughput: one whole run of 20 blocks (about 4 virtual minutes) at 10 and 100 nodes. Simulated seconds per
/// wall second = the report's SimulatedTime divided by the mean. The 10-node run is the baseline, so the Ratio
/// column shows how the cost grows with the node count (there is no external simulator to compare with).
/// </summary>
[MemoryDiagnoser]
public class NetworkSimulationBenchmarks
{
    private static readonly SimulationSettings Ten = new() { Nodes = 10, Blocks = 20, Seed = 1 };
    private static readonly SimulationSettings Hundred = Ten with { Nodes = 100 };

    [Benchmark(Baseline = true)]
    public SimulationReport TenNodes() => NetworkSimulation.Run(Ten);

    [Benchmark]
    public SimulationReport HundredNodes() => NetworkSimulation.Run(Hundred);
}
