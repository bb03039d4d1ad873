using Antimony.Consensus.Chain;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Validation;

/// <summary>What a header rule sees: the header, its parent in the header tree, the network and the clock.</summary>
/// <param name="Header">The header under test.</param>
/// <param name="Previous">Its parent, already in the tree.</param>
/// <param name="Parameters">The network.</param>
/// <param name="Now">The node's current time (from its <see cref="TimeProvider"/>).</param>
public readonly record struct HeaderContext(BlockHeader Header, ChainEntry Previous, ChainParameters Parameters, DateTimeOffset Now)
{
    /// <summary>The height the header would have.</summary>
    public int Height => Previous.Height + 1;
}
