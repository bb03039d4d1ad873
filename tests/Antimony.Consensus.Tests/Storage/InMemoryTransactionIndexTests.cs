using Antimony.Consensus.Chain;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Storage;
using Antimony.Consensus.Tests.Support;
using Antimony.Primitives.Amounts;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Consensus.Tests.Storage;

/// <summary>The in-memory store's transaction index follows connections and a reorganization, and is absent unless added.</summary>
public sealed class InMemoryTransactionIndexTests
{
    private static readonly ChainParameters FastRegtest = ChainParameters.Regtest with { CoinbaseMaturity = 1 };

    [Fact]
    public void The_index_moves_a_transaction_to_the_winning_branch_and_forgets_the_losing_one()
    {
        using var node = new TestNode(FastRegtest, b => b.AddTransactionIndex());
        var index = node.Services.GetRequiredService<ITransactionIndex>();
        node.MineEmpty(2);
        var fork = node.Chain.Tip;
        var coin = node.MatureCoins()[0];
        var fee = new Money(1_000);
        var spend = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value - fee, 2));

        var a3 = node.Maker.Make(fork, [spend], fee);
        Assert.Equal(BlockAcceptance.Active, node.Submit(a3).Acceptance);
        Assert.True(index.TryGetLocation(spend.Txid, out var before));
        Assert.Equal(new TransactionLocation(a3.Hash, 1), before);

        var b3 = node.Maker.Make(fork, []);
        node.Submit(b3);
        var b4 = node.Maker.Make(node.Chain.TryGetEntry(b3.Hash, out var b3Entry) ? b3Entry : throw new InvalidOperationException(), [spend], fee);
        Assert.Equal(BlockAcceptance.Active, node.Submit(b4).Acceptance);

        Assert.True(index.TryGetLocation(spend.Txid, out var after));
        Assert.Equal(new TransactionLocation(b4.Hash, 1), after);
        Assert.False(index.TryGetLocation(a3.Transactions[0].Txid, out _));
        Assert.True(index.TryGetLocation(b3.Transactions[0].Txid, out _));
        Assert.False(index.TryGetLocation(FastRegtest.CreateGenesisBlock().Transactions[0].Txid, out _)); // as Core: genesis is not indexed
        Assert.Equal(new TransactionIndexStatus(true, 4), index.Status);
    }

    [Fact]
    public void Without_AddTransactionIndex_the_store_indexes_nothing()
    {
        using var node = new TestNode(FastRegtest);
        var block = node.MineEmpty(1);

        Assert.Null(node.Services.GetService<ITransactionIndex>());
        Assert.False(node.State.TryGetLocation(block.Transactions[0].Txid, out _));
        Assert.False(node.State.Status.IsSynced);
    }
}
