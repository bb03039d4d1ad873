using System.Diagnostics.CodeAnalysis;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Transactions;

namespace Antimony.Rpc.Methods.Mempool;

/// <summary>The chain's unspent outputs plus the outputs of pooled transactions (at the next block's height, as Core's mempool view counts them).</summary>
internal sealed class PoolCoinView(ChainState chain, TransactionPool? pool) : ICoinView
{
    private readonly int _spendHeight = chain.Tip.Height + 1;

    public int SpendHeight => _spendHeight;

    public bool TryGetCoin(in OutPoint outPoint, [MaybeNullWhen(false)] out Coin coin)
    {
        if (chain.Coins.TryGetCoin(outPoint, out coin))
            return true;
        if (pool is not null && pool.TryGetEntry(outPoint.Txid, out var entry) && outPoint.Index < entry.Transaction.Outputs.Length)
        {
            coin = new Coin(entry.Transaction.Outputs[(int)outPoint.Index], _spendHeight, IsCoinbase: false);
            return true;
        }
        coin = default;
        return false;
    }
}
