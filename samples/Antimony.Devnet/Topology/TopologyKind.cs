namespace Antimony.Devnet.Topology;

/// <summary>The shapes of bootstrap graph <c>up</c> can build.</summary>
internal enum TopologyKind
{
    /// <summary>
    /// The original product's hierarchy: node 0 is the primary bootstrap of nodes 1-3, node 1 of 4-6,
    /// node 2 of 7-9, and so on as a tree with three children per node.
    /// </summary>
    Tiered,

    /// <summary>A chain: node i bootstraps from node i-1, the slowest shape for propagation.</summary>
    Line,

    /// <summary>Every node bootstraps from every earlier node: a complete graph.</summary>
    Mesh,
}
