using Antimony.Consensus.Mempool;

namespace Antimony.Mining.Templates;

/// <summary>
/// Takes transactions from the node's <see cref="TransactionPool"/>: highest ancestor-package fee rate
/// first, so a child paying for its parent (CPFP) brings the parent in (Bitcoin Core's <c>addPackageTxs</c>).
/// </summary>
/// <param name="pool">The mempool.</param>
public sealed class MempoolTransactionSelector(TransactionPool pool) : ITransactionSelector
{
    /// <inheritdoc />
    public PackageSelection Select(long maxWeight) => pool.SelectPackages(maxWeight);
}
