using Antimony.Consensus.Events;
using Antimony.Consensus.Mempool;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>The pool follows the active chain: block connection, reorganizations.</summary>
public sealed class ChainFollowingTests
{
    [Fact]
    public void A_connected_block_removes_its_transactions_and_their_conflicts_but_keeps_children()
    {
        using var h = new MempoolHarness();
        var a = h.Spend(h.Coins[0], 1_000);
        var aChild = h.Spend(MempoolHarness.CoinOf(a, 0), 2_000);
        var b = h.Spend(h.Coins[1], 1_000);
        var bChild = h.Spend(MempoolHarness.CoinOf(b, 0), 2_000);
        var untouched = h.Spend(h.Coins[2], 1_000);
        foreach (var tx in new[] { a, aChild, b, bChild, untouched })
            Assert.True(h.Pool.Accept(tx).IsAccepted);

        var rival = h.Spend(h.Coins[1], 3_000, salt: 2);
        h.Mine(a, rival);

        Assert.Equal([TransactionRemovalReason.Included], h.RemovalsOf(a.Txid));
        Assert.Equal([TransactionRemovalReason.Conflict], h.RemovalsOf(b.Txid));
        Assert.Equal([TransactionRemovalReason.Conflict], h.RemovalsOf(bChild.Txid));
        Assert.True(h.Pool.TryGetEntry(aChild.Txid, out var child));
        Assert.Equal(1, child.AncestorCount);
        Assert.True(h.Pool.Contains(untouched.Txid));
        Assert.Equal(2, h.Pool.Count);
        Assert.Null(MempoolInvariants.Check(h));
    }

    [Fact]
    public void A_reorganization_readmits_the_losing_branch_and_drops_what_became_invalid()
    {
        using var h = new MempoolHarness();
        var fork = h.Chain.Tip;
        var kept = h.Spend(h.Coins[0], 1_000);
        var contested = h.Spend(h.Coins[1], 1_000);
        Assert.True(h.Pool.Accept(kept).IsAccepted);
        var losing = h.Mine(kept, contested);
        Assert.Equal(0, h.Pool.Count);

        // Spends of the losing block: a child of a transaction that will come back, and a spend of its coinbase.
        var keptChild = h.Spend(MempoolHarness.CoinOf(kept, 0), 2_000);
        var coinbaseSpend = h.Spend(MempoolHarness.CoinOf(losing.Transactions[0], 0), 2_000);
        Assert.True(h.Pool.Accept(keptChild).IsAccepted);
        Assert.True(h.Pool.Accept(coinbaseSpend).IsAccepted);
        h.Added.Clear();

        // The winning branch spends the contested coin differently and is one block longer.
        var rival = h.Spend(h.Coins[1], 5_000, salt: 3);
        var first = h.MineOn(fork, [rival]);
        h.MineOn(h.EntryOf(first), []);
        Assert.Equal(first.Hash, h.Chain.Tip.Previous!.Hash);

        Assert.True(h.Pool.Contains(kept.Txid));
        Assert.Contains(h.Added, a => a.Transaction.Txid == kept.Txid);
        Assert.False(h.Pool.Contains(contested.Txid));
        Assert.True(h.Pool.TryGetEntry(keptChild.Txid, out var child));
        Assert.Equal(2, child.AncestorCount);
        Assert.False(h.Pool.Contains(coinbaseSpend.Txid));
        Assert.Equal([TransactionRemovalReason.Reorganization], h.RemovalsOf(coinbaseSpend.Txid));
        Assert.Null(MempoolInvariants.Check(h));
    }

    [Fact]
    public void A_reorganization_back_and_forth_leaves_a_consistent_pool()
    {
        using var h = new MempoolHarness();
        var fork = h.Chain.Tip;
        var txs = Enumerable.Range(0, 3).Select(i => h.Spend(h.Coins[i], 1_000 + i)).ToList();
        foreach (var tx in txs)
            Assert.True(h.Pool.Accept(tx).IsAccepted);
        var a1 = h.MineOn(fork, [txs[0]]);
        var b1 = h.MineOn(fork, [txs[1]]);
        var b2 = h.MineOn(h.EntryOf(b1), []);
        Assert.Equal(b2.Hash, h.Chain.Tip.Hash);
        Assert.True(h.Pool.Contains(txs[0].Txid));
        Assert.False(h.Pool.Contains(txs[1].Txid));
        var a2 = h.MineOn(h.EntryOf(a1), []);
        h.MineOn(h.EntryOf(a2), []);
        Assert.True(h.Pool.Contains(txs[1].Txid));
        Assert.False(h.Pool.Contains(txs[0].Txid));
        Assert.True(h.Pool.Contains(txs[2].Txid));
        Assert.Null(MempoolInvariants.Check(h));
    }
}
