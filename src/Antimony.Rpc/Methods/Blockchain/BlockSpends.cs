using Antimony.Consensus.Chain;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Blocks;

namespace Antimony.Rpc.Methods.Blockchain;

/// <summary>
/// The coins an active block spent, read from the chain state store's undo data (kept for every connected block
/// so it can be disconnected), for Core's per-transaction <c>fee</c> and <c>prevout</c> fields.
/// </summary>
internal static class BlockSpends
{
    /// <summary>The block's undo data, or <see langword="null"/> when the block is not active (stale blocks keep none) or the store has none.</summary>
    public static BlockUndo? Find(NodeServices node, ChainState chain, ChainEntry entry, Block block)
    {
        if (!chain.IsActive(entry) || node.Get<IChainStateStore>() is not { } store || !store.TryGetUndo(entry.Hash, out var undo))
            return null;
        // One coin per input of every transaction but the coinbase, in block order: anything else is not this block's.
        int inputs = block.Transactions.Where(t => !t.IsCoinbase).Sum(t => t.Inputs.Length);
        return undo.SpentCoins.Length == inputs ? undo : null;
    }

    /// <summary>The coins spent by the transaction at <paramref name="position"/> (empty for the coinbase).</summary>
    public static ReadOnlySpan<Coin> Of(BlockUndo undo, Block block, int position)
    {
        if (block.Transactions[position].IsCoinbase)
            return [];
        int offset = 0;
        for (int i = 0; i < position; i++)
        {
            if (!block.Transactions[i].IsCoinbase)
                offset += block.Transactions[i].Inputs.Length;
        }
        return undo.SpentCoins.AsSpan().Slice(offset, block.Transactions[position].Inputs.Length);
    }
}
