using Antimony.Devnet.Topology;

namespace Antimony.Devnet.Nodes;

/// <summary>What <c>up</c> was asked to start.</summary>
/// <param name="Directory">The devnet directory (state file, one sub-directory per node).</param>
/// <param name="Nodes">How many nodes.</param>
/// <param name="BasePort">P2P port of node 0; node i listens on base + i.</param>
/// <param name="RpcBasePort">HTTP port of node 0; node i serves on base + i.</param>
/// <param name="Topology">The bootstrap shape.</param>
/// <param name="Miners">How many nodes run the background miner (spread evenly over the indices).</param>
/// <param name="Network">devnet or regtest.</param>
/// <param name="Stagger">Pause between two starts.</param>
/// <param name="Timeout">How long to wait for the network to become healthy.</param>
/// <param name="NodePath">atmn-node to run (.dll or executable).</param>
internal sealed record LaunchOptions(
    string Directory,
    int Nodes,
    int BasePort,
    int RpcBasePort,
    TopologyKind Topology,
    int Miners,
    string Network,
    TimeSpan Stagger,
    TimeSpan Timeout,
    string NodePath)
{
    /// <summary>Whether node <paramref name="index"/> mines: K miners spread as i*N/K.</summary>
    public bool IsMiner(int index) => Miners > 0 && Enumerable.Range(0, Math.Min(Miners, Nodes)).Any(k => k * Nodes / Math.Min(Miners, Nodes) == index);
}
