using Antimony.Simulation.Network;

namespace Antimony.Simulation;

/// <summary>
/// What to simulate: how many nodes and how they are linked, the mining process, and the network and CPU models.
/// Every random choice (links, miners and their hash shares, block discovery times) is drawn from <see cref="Seed"/>,
/// so equal settings give an identical <see cref="SimulationReport"/> (apart from its wall-clock time).
/// </summary>
public sealed record SimulationSettings
{
    /// <summary>The number of full nodes (each its own chain state).</summary>
    public int Nodes { get; init; } = 100;

    /// <summary>The seed of every random choice.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How many blocks to mine before the run drains (more are mined if the network ends split on a tie).</summary>
    public int Blocks { get; init; } = 100;

    /// <summary>The mean time between blocks of the whole network's hash rate (block discovery is a Poisson process).</summary>
    public TimeSpan BlockInterval { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>How the nodes are connected.</summary>
    public TopologyKind Topology { get; init; } = TopologyKind.Random;

    /// <summary>Outbound connections per node for <see cref="TopologyKind.Random"/> (Bitcoin Core's and Antimony's default, 8).</summary>
    public int OutboundPeers { get; init; } = 8;

    /// <summary>How many nodes mine; their hash shares are drawn at random (seeded), so a few are large as in real pools.</summary>
    public int Miners { get; init; } = 10;

    /// <summary>Every node's upload bandwidth in bits per second (50 Mbit/s by default).</summary>
    public long UploadBitsPerSecond { get; init; } = 50_000_000;

    /// <summary>Round trips between regions; node i sits in region i mod 9.</summary>
    public LatencyMatrix Latency { get; init; } = LatencyMatrix.Default;

    /// <summary>
    /// Random extra delay per message as a fraction of the link's one-way delay (uniform in [0, jitter], seeded; 0.1 by
    /// default). Arrivals on one link never overtake each other, as on a TCP connection.
    /// </summary>
    public double LatencyJitter { get; init; } = 0.1;

    /// <summary>A node's fixed cost of validating and connecting a block (the CPU is one queue per node).</summary>
    public TimeSpan BlockValidationTime { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The validation throughput on top of <see cref="BlockValidationTime"/>, in block bytes per second.</summary>
    public long ValidationBytesPerSecond { get; init; } = 50_000_000;

    /// <summary>
    /// Bytes added to every block message's size in the bandwidth and validation models only (0 by default), to
    /// model full blocks without holding them in a thousand UTXO sets. The real frame is still encoded and decoded.
    /// </summary>
    public int ExtraBlockBytes { get; init; }

    /// <summary>At most this many blocks beyond <see cref="Blocks"/> are mined to break a final tie.</summary>
    public int MaxExtraBlocks { get; init; } = 50;

    /// <summary>
    /// The settings that mirror the local 10-node devnet: the tiered bootstrap hierarchy on one machine (0.1 ms
    /// round trips, loopback bandwidth), with one miner as in <c>atmn-devnet test propagation</c>.
    /// </summary>
    public static SimulationSettings LocalDevnet(int seed = 1) => new()
    {
        Nodes = 10,
        Seed = seed,
        Topology = TopologyKind.Tiered,
        Miners = 1,
        Latency = LatencyMatrix.Uniform(TimeSpan.FromMilliseconds(0.1)),
        UploadBitsPerSecond = 10_000_000_000,
    };

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        Require(Nodes >= 2, "at least two nodes");
        Require(Blocks >= 1, "at least one block");
        Require(BlockInterval > TimeSpan.Zero, "a positive block interval");
        Require(OutboundPeers >= 1, "at least one outbound peer");
        Require(Miners >= 1 && Miners <= Nodes, "between one miner and one per node");
        Require(UploadBitsPerSecond > 0, "a positive upload bandwidth");
        Require(Latency is not null, "a latency matrix");
        Require(LatencyJitter >= 0 && LatencyJitter <= 10, "a latency jitter between 0 and 10");
        Require(BlockValidationTime >= TimeSpan.Zero, "a non-negative validation time");
        Require(ValidationBytesPerSecond > 0, "a positive validation throughput");
        Require(ExtraBlockBytes >= 0, "non-negative extra block bytes");
        Require(MaxExtraBlocks >= 0, "non-negative extra blocks");
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
            throw new ArgumentException($"The simulation needs {what}.");
    }
}
