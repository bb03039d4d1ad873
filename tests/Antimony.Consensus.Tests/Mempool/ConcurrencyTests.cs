using Antimony.Consensus.Mempool;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>The pool is safe to use from several threads while blocks arrive.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_submissions_and_blocks_leave_a_valid_pool_and_lose_nothing()
    {
        using var h = new MempoolHarness(fundingBlocks: 24);
        var parents = h.Coins.Take(24).Select(c => h.Spend(c, 1_000)).ToList();
        var children = parents.Select(p => h.Spend(MempoolHarness.CoinOf(p, 0), 2_000)).ToList();
        // Children may arrive before their parents: they wait as orphans and follow.
        var work = parents.Concat(children).OrderBy(t => t.Txid.ToString(), StringComparer.Ordinal).ToList();
        var miner = Task.Run(() =>
        {
            for (int i = 0; i < 3; i++)
                h.MineOn(h.Chain.Tip, [.. h.Pool.SelectPackages(4_000).Transactions]);
        });
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = 4 }, tx => h.Pool.Accept(tx));
        await miner;

        Assert.Null(MempoolInvariants.Check(h));
        Assert.Equal(0, h.Pool.OrphanCount);
        // Every transaction is either pooled or confirmed.
        foreach (var tx in work)
            Assert.True(h.Pool.Contains(tx.Txid) || h.Chain.Coins.TryGetCoin(new Primitives.Transactions.OutPoint(tx.Txid, 1), out _), tx.Txid.ToString());
    }

    [Fact]
    public void A_notification_handler_may_submit_to_the_pool()
    {
        using var h = new MempoolHarness();
        var parent = h.Spend(h.Coins[0], 1_000);
        var child = h.Spend(MempoolHarness.CoinOf(parent, 0), 2_000);
        MempoolAcceptResult? nested = null;
        h.Node.Events.TransactionAdded += (_, e) =>
        {
            if (e.Transaction.Txid == parent.Txid)
                nested = h.Pool.Accept(child);
        };
        Assert.True(h.Pool.Accept(parent).IsAccepted);
        Assert.NotNull(nested);
        Assert.True(nested.IsAccepted);
        Assert.Equal([parent.Txid, child.Txid], h.Added.Select(a => a.Transaction.Txid));
    }
}
