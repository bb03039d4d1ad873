using Antimony.Consensus.Chain;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Validation;

/// <summary>What a block rule sees: the block, its height and parent, and the network. No coins yet.</summary>
/// <param name="Block">The block under test; its header already passed the header rules.</param>
/// <param name="Previous">Its parent.</param>
/// <param name="Parameters">The network.</param>
public readonly record struct BlockContext(Block Block, ChainEntry Previous, ChainParameters Parameters)
{
    /// <summary>The block's height.</summary>
    public int Height => Previous.Height + 1;
}
