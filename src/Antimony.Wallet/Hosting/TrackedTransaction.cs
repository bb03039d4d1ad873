using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;

namespace Antimony.Wallet.Hosting;

/// <summary>A transaction the wallet cares about and where it stands: in a block, pending, or abandoned.</summary>
internal sealed class TrackedTransaction(Transaction transaction, long sequence, DateTimeOffset firstSeen)
{
    public Transaction Transaction { get; } = transaction;

    public Txid Txid { get; } = transaction.Txid;

    /// <summary>Arrival order, for listing.</summary>
    public long Sequence { get; } = sequence;

    public DateTimeOffset FirstSeen { get; } = firstSeen;

    public int? Height { get; private set; }

    public BlockHash? BlockHash { get; private set; }

    public DateTimeOffset? BlockTime { get; private set; }

    /// <summary>Left the mempool unconfirmed (conflict, eviction, expiry) or a coinbase whose block was disconnected.</summary>
    public bool Abandoned { get; set; }

    public bool IsConfirmed => Height is not null;

    public void Confirm(int height, BlockHash hash, DateTimeOffset time)
    {
        Height = height;
        BlockHash = hash;
        BlockTime = time;
        Abandoned = false;
    }

    /// <summary>Its block left the active chain: a coinbase dies with it; anything else goes back to pending.</summary>
    public void Unconfirm()
    {
        Height = null;
        BlockHash = null;
        BlockTime = null;
        if (Transaction.IsCoinbase)
            Abandoned = true;
    }
}
