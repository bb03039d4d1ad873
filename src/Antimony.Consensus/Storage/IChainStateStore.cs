using System.Diagnostics.CodeAnalysis;
using Antimony.Consensus.Coins;
using Antimony.Primitives.Blocks;

namespace Antimony.Consensus.Storage;

/// <summary>
/// Durable chain state: the UTXO set, the tip it belongs to and per-block undo data. Writes come only
/// as whole <see cref="ChainStateBatch"/>es so a crash never leaves a half-connected block.
/// </summary>
/// <remarks>Implementations are thread-safe: readers (the mempool) may call while a batch is committed.</remarks>
public interface IChainStateStore : ICoinView
{
    /// <summary>The tip of the stored state; <see langword="null"/> for a store never written.</summary>
    ChainTip? GetTip();

    /// <summary>The undo data stored for <paramref name="block"/>.</summary>
    bool TryGetUndo(BlockHash block, [MaybeNullWhen(false)] out BlockUndo undo);

    /// <summary>Applies <paramref name="batch"/> atomically.</summary>
    /// <exception cref="InvalidOperationException">The store's tip is not <see cref="ChainStateBatch.PreviousTip"/>.</exception>
    void Commit(ChainStateBatch batch);
}
