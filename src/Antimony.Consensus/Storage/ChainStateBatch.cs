using Antimony.Consensus.Coins;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Storage;

/// <summary>
/// Everything connecting or disconnecting one block changes in the chain state, applied by
/// <see cref="IChainStateStore.Commit"/> all or nothing: coins added and removed, undo data written
/// or removed, and the tip moved from <see cref="PreviousTip"/> to <see cref="NewTip"/>.
/// </summary>
/// <remarks>
/// A coin appears in at most one of <see cref="AddedCoins"/> and <see cref="RemovedCoins"/>: a coin
/// created and spent within the same block is in neither.
/// </remarks>
public sealed class ChainStateBatch
{
    /// <summary>The tip the batch was computed against; a store rejects the batch if its tip differs.</summary>
    public required ChainTip? PreviousTip { get; init; }

    /// <summary>The tip after the batch.</summary>
    public required ChainTip NewTip { get; init; }

    /// <summary>Coins to add (or overwrite).</summary>
    public required IReadOnlyDictionary<OutPoint, Coin> AddedCoins { get; init; }

    /// <summary>Coins to delete.</summary>
    public required IReadOnlyCollection<OutPoint> RemovedCoins { get; init; }

    /// <summary>Undo data to store for a connected block, keyed by its id; <see langword="null"/> for a disconnect.</summary>
    public (BlockHash Block, BlockUndo Undo)? UndoToWrite { get; init; }

    /// <summary>A disconnected block whose undo data is no longer needed.</summary>
    public BlockHash? UndoToRemove { get; init; }

    /// <summary>A summary for logs.</summary>
    public override string ToString() =>
        $"tip {PreviousTip?.ToString() ?? "none"} -> {NewTip}, +{AddedCoins.Count}/-{RemovedCoins.Count} coins";
}
