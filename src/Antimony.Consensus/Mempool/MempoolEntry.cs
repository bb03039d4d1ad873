using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Mempool;

/// <summary>
/// One pooled transaction with its links to in-pool parents and children and the running totals over its
/// ancestor and descendant sets (each including itself), which CPFP ordering, chain limits and eviction read.
/// Mutated only under the pool's lock; callers outside get <see cref="MempoolEntryInfo"/> snapshots.
/// </summary>
internal sealed class MempoolEntry
{
    public MempoolEntry(Transaction transaction, Money fee, DateTimeOffset time, int height, long sequence)
    {
        Transaction = transaction;
        Txid = transaction.Txid;
        Fee = fee.Atoms;
        VirtualSize = transaction.VirtualSize;
        Weight = transaction.Weight;
        Bytes = transaction.TotalSize;
        Time = time;
        Height = height;
        Sequence = sequence;
        ResetAggregates();
    }

    public Transaction Transaction { get; }

    public Txid Txid { get; }

    /// <summary>The fee in atoms.</summary>
    public long Fee { get; }

    public int VirtualSize { get; }

    public int Weight { get; }

    /// <summary>The serialized size, what the size cap counts.</summary>
    public int Bytes { get; }

    public DateTimeOffset Time { get; }

    /// <summary>The chain height when it entered.</summary>
    public int Height { get; }

    /// <summary>
    /// The order of entry; a parent's is always lower than its children's, so sorting by it is a valid
    /// (topological) transaction order. Reassigned only while the entry is out of the graph.
    /// </summary>
    public long Sequence { get; set; }

    public HashSet<MempoolEntry> Parents { get; } = [];

    public HashSet<MempoolEntry> Children { get; } = [];

    public int AncestorCount { get; set; }

    public long AncestorSize { get; set; }

    public long AncestorWeight { get; set; }

    public long AncestorFees { get; set; }

    public int DescendantCount { get; set; }

    public long DescendantSize { get; set; }

    public long DescendantFees { get; set; }

    /// <summary>Unlinks the entry and sets both totals to itself alone (before it is added again).</summary>
    public void ResetAggregates()
    {
        Parents.Clear();
        Children.Clear();
        AncestorCount = DescendantCount = 1;
        AncestorSize = DescendantSize = VirtualSize;
        AncestorWeight = Weight;
        AncestorFees = DescendantFees = Fee;
    }

    public MempoolEntryInfo ToInfo() => new(
        Transaction, new Money(Fee), VirtualSize, Weight, Time, Height,
        AncestorCount, AncestorSize, new Money(AncestorFees), DescendantCount, DescendantSize, new Money(DescendantFees));

    public override string ToString() => $"{Txid} fee {Fee} vsize {VirtualSize}";
}
