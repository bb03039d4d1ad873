using Antimony.Consensus.Chain;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;

namespace Antimony.Rpc.Tests.Support;

/// <summary>Signed test transactions spending the coinbases mined to <see cref="RpcTestNode.Keys"/>' first script.</summary>
internal static class Spends
{
    /// <summary>Spends output 0 of the coinbase at <paramref name="height"/>, paying all but <paramref name="fee"/> to key <paramref name="to"/>.</summary>
    public static Transaction FromCoinbase(ChainState chain, int height, Money fee, int to = 1)
    {
        Assert.True(chain.TryGetBlock(chain.GetActiveEntry(height)!.Hash, out var block));
        var coinbase = block.Transactions[0];
        return Spend(new OutPoint(coinbase.Txid, 0), coinbase.Outputs[0], fee, to);
    }

    /// <summary>Spends <paramref name="outPoint"/> (which holds <paramref name="spent"/>), paying all but <paramref name="fee"/> to key <paramref name="to"/>.</summary>
    public static Transaction Spend(OutPoint outPoint, TxOut spent, Money fee, int to = 1)
    {
        var unsigned = new TransactionBuilder().AddInput(outPoint).AddOutput(spent.Value - fee, RpcTestNode.Keys.Scripts[to]).Build();
        return RpcTestNode.Keys.Sign(unsigned, [spent]);
    }
}
