using Antimony.Devnet.Topology;

namespace Antimony.Devnet.State;

/// <summary>Everything <c>up</c> records about a running devnet, read back by every other command.</summary>
/// <param name="Network">The chain the nodes run (<c>devnet</c> or <c>regtest</c>).</param>
/// <param name="Topology">The bootstrap shape.</param>
/// <param name="StartedUnixMs">When <c>up</c> started the first node.</param>
/// <param name="Nodes">The nodes, by index.</param>
internal sealed record DevnetState(string Network, TopologyKind Topology, long StartedUnixMs, IReadOnlyList<NodeRecord> Nodes)
{
    /// <summary>The node whose P2P port is <paramref name="port"/>, if it is one of ours.</summary>
    public NodeRecord? NodeByPort(int port) => Nodes.FirstOrDefault(n => n.Port == port);

    /// <summary>The planned bootstrap edges (dialler, bootstrap) of the recorded nodes.</summary>
    public IReadOnlyList<(int From, int To)> PlannedEdges =>
        [.. Nodes.SelectMany(n => n.Bootstraps.Select(b => (n.Index, b)))];
}
