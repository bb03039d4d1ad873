using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Mempool;

/// <summary>
/// A snapshot of one pooled transaction and the totals over its in-pool ancestors and descendants (each set
/// includes the transaction itself), as they were when read.
/// </summary>
/// <param name="Transaction">The transaction.</param>
/// <param name="Fee">Its fee.</param>
/// <param name="VirtualSize">Its BIP141 virtual size.</param>
/// <param name="Weight">Its BIP141 weight.</param>
/// <param name="Time">When it entered the pool.</param>
/// <param name="Height">The chain height when it entered.</param>
/// <param name="AncestorCount">How many in-pool ancestors it has, itself included.</param>
/// <param name="AncestorSize">Their total virtual size.</param>
/// <param name="AncestorFees">Their total fee.</param>
/// <param name="DescendantCount">How many in-pool descendants it has, itself included.</param>
/// <param name="DescendantSize">Their total virtual size.</param>
/// <param name="DescendantFees">Their total fee.</param>
public sealed record MempoolEntryInfo(
    Transaction Transaction,
    Money Fee,
    int VirtualSize,
    int Weight,
    DateTimeOffset Time,
    int Height,
    int AncestorCount,
    long AncestorSize,
    Money AncestorFees,
    int DescendantCount,
    long DescendantSize,
    Money DescendantFees)
{
    /// <summary>The transaction's id.</summary>
    public Txid Txid => Transaction.Txid;

    /// <summary>Its own fee rate.</summary>
    public FeeRate FeeRate => FeeRate.FromFee(Fee, VirtualSize);

    /// <summary>The fee rate of it with its unconfirmed ancestors: what a miner earns by taking the package (CPFP).</summary>
    public FeeRate AncestorFeeRate => FeeRate.FromFee(AncestorFees, AncestorSize);

    /// <summary>The fee rate of it with its descendants: what eviction compares.</summary>
    public FeeRate DescendantFeeRate => FeeRate.FromFee(DescendantFees, DescendantSize);
}
