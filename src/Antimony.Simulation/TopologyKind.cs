namespace Antimony.Simulation;

/// <summary>How the simulated nodes are connected.</summary>
public enum TopologyKind
{
    /// <summary>Each node opens <see cref="SimulationSettings.OutboundPeers"/> connections to distinct random nodes (seeded); inbound is unlimited.</summary>
    Random = 0,

    /// <summary>
    /// The devnet's bootstrap hierarchy: node 0 is the primary bootstrap of nodes 1-3, nodes 1 and 2 of 4-6 and
    /// 7-9, and so on (node i > 0 dials node (i - 1) / 3), each node keeping only that one outbound link.
    /// </summary>
    Tiered = 1,
}
