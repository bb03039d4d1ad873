using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Storage;

/// <summary>The block a chain state (UTXO set) corresponds to.</summary>
/// <param name="Hash">The tip block's id.</param>
/// <param name="Height">The tip block's height.</param>
public readonly record struct ChainTip(BlockHash Hash, int Height)
{
    /// <summary>"hash at height".</summary>
    public override string ToString() => $"{Hash} at {Height}";
}
