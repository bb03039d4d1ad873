namespace Antimony.Simulation;

/// <summary>
/// The outcome of one simulation run. Everything but <see cref="WallClock"/> is a function of the settings, so two
/// runs with equal settings give equal reports once that field is cleared (<c>report with { WallClock = default }</c>).
/// </summary>
public sealed partial record SimulationReport
{
    /// <summary>The number of nodes.</summary>
    public required int Nodes { get; init; }

    /// <summary>The seed the run was drawn from.</summary>
    public required int Seed { get; init; }

    /// <summary>The topology.</summary>
    public required TopologyKind Topology { get; init; }

    /// <summary>The number of links (connections) between nodes.</summary>
    public required int Links { get; init; }

    /// <summary>The number of mining nodes.</summary>
    public required int Miners { get; init; }

    /// <summary>Every block mined, stale ones included.</summary>
    public required int BlocksMined { get; init; }

    /// <summary>Mined blocks that are not on the final best chain.</summary>
    public required int StaleBlocks { get; init; }

    /// <summary><see cref="StaleBlocks"/> / <see cref="BlocksMined"/>.</summary>
    public double StaleRate => BlocksMined == 0 ? 0 : (double)StaleBlocks / BlocksMined;

    /// <summary>The final best chain's height.</summary>
    public required int FinalHeight { get; init; }

    /// <summary>The final best chain's tip (display hex).</summary>
    public required string FinalTip { get; init; }

    /// <summary>Whether every node ended on the same tip.</summary>
    public required bool Converged { get; init; }

    /// <summary>
    /// For every best-chain block and every node other than its miner, the time from the block's discovery until
    /// the node had validated and stored it.
    /// </summary>
    public required DelayPercentiles Propagation { get; init; }

    /// <summary>Per best-chain block, the time until half of the nodes (its miner included) had it; percentiles over blocks.</summary>
    public required DelayPercentiles TimeToHalf { get; init; }

    /// <summary>Per best-chain block, the time until 90% of the nodes had it; percentiles over blocks.</summary>
    public required DelayPercentiles TimeToNinetyPercent { get; init; }

    /// <summary>Per best-chain block, the time until every node had it; percentiles over blocks.</summary>
    public required DelayPercentiles TimeToAll { get; init; }

    /// <summary>P2P messages sent (frames).</summary>
    public required long Messages { get; init; }

    /// <summary>Bytes sent, frame headers included.</summary>
    public required long Bytes { get; init; }

    /// <summary><c>block</c> messages sent: more than (nodes - 1) per block means some node downloaded a block twice.</summary>
    public required long BlockMessages { get; init; }

    /// <summary>Events the engine processed.</summary>
    public required long Events { get; init; }

    /// <summary>The virtual time the run covered.</summary>
    public required TimeSpan SimulatedTime { get; init; }

    /// <summary>The real time the run took (the one field that differs between equal runs).</summary>
    public TimeSpan WallClock { get; init; }

    /// <summary>Simulated seconds per wall-clock second (0 before the run is timed).</summary>
    public double SpeedUp => WallClock > TimeSpan.Zero ? SimulatedTime / WallClock : 0;
}
