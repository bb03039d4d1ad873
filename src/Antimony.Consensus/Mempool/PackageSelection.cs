using System.Collections.Immutable;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Mempool;

/// <summary>
/// Transactions chosen for a block template by <see cref="TransactionPool.SelectPackages"/>, in a valid block
/// order (every parent before its children).
/// </summary>
/// <param name="Entries">The chosen transactions with their fees and sizes, in block order.</param>
/// <param name="Fees">Their total fee (what the coinbase may claim above the subsidy).</param>
/// <param name="Weight">Their total weight.</param>
public sealed record PackageSelection(ImmutableArray<MempoolEntryInfo> Entries, Money Fees, long Weight)
{
    /// <summary>The chosen transactions in block order.</summary>
    public IEnumerable<Transaction> Transactions => Entries.Select(e => e.Transaction);
}
