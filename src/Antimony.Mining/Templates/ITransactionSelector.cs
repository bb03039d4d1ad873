using Antimony.Consensus.Mempool;

namespace Antimony.Mining.Templates;

/// <summary>
/// Chooses the transactions of a block template. The node's mempool is the usual source; the interface
/// keeps the miner independent of it (a node without a mempool mines empty blocks) and lets tests and
/// bespoke nodes supply their own choice.
/// </summary>
public interface ITransactionSelector
{
    /// <summary>
    /// Transactions of total weight at most <paramref name="maxWeight"/> in a valid block order (parents first),
    /// each valid on the current tip, with their total fee.
    /// </summary>
    PackageSelection Select(long maxWeight);
}
