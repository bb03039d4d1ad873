using Antimony.Consensus.Mempool;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>Transactions whose parents are missing: held, bounded, expired, and resolved when a parent arrives.</summary>
public sealed class OrphanTests
{
    [Fact]
    public void A_child_before_its_parent_waits_and_enters_right_after_the_parent()
    {
        using var h = new MempoolHarness();
        var parent = h.Spend(h.Coins[0], 1_000);
        var child = h.Spend(MempoolHarness.CoinOf(parent, 0), 2_000);
        var grandchild = h.Spend(MempoolHarness.CoinOf(child, 0), 3_000);
        var result = h.Pool.Accept(grandchild);
        Assert.Equal(MempoolAcceptStatus.Orphaned, result.Status);
        Assert.Equal(MempoolRejectCodes.MissingInputs, result.Code);
        Assert.Equal(MempoolAcceptStatus.Orphaned, h.Pool.Accept(child).Status);
        Assert.Equal(0, h.Pool.Count);
        Assert.Equal(2, h.Pool.OrphanCount);
        Assert.Empty(h.Added);

        Assert.True(h.Pool.Accept(parent).IsAccepted);
        Assert.Equal(3, h.Pool.Count);
        Assert.Equal(0, h.Pool.OrphanCount);
        Assert.Equal([parent.Txid, child.Txid, grandchild.Txid], h.Added.Select(a => a.Transaction.Txid));
    }

    [Fact]
    public void An_orphan_whose_parent_confirms_in_a_block_enters_the_pool()
    {
        using var h = new MempoolHarness();
        var parent = h.Spend(h.Coins[0], 1_000);
        var child = h.Spend(MempoolHarness.CoinOf(parent, 0), 2_000);
        Assert.Equal(MempoolAcceptStatus.Orphaned, h.Pool.Accept(child).Status);
        h.Mine(parent);
        Assert.True(h.Pool.Contains(child.Txid));
        Assert.Equal(0, h.Pool.OrphanCount);
    }

    [Fact]
    public void An_invalid_orphan_is_dropped_when_its_parent_arrives()
    {
        using var h = new MempoolHarness();
        var parent = h.Spend(h.Coins[0], 1_000);
        var child = h.Spend(MempoolHarness.CoinOf(parent, 0), 2_000);
        var signature = child.Inputs[0].Witness[0].ToArray();
        signature[0] ^= 1;
        var forged = child.ToBuilder().SetWitness(0, new Primitives.Transactions.Witness(signature)).Build();
        Assert.Equal(MempoolAcceptStatus.Orphaned, h.Pool.Accept(forged).Status);
        Assert.True(h.Pool.Accept(parent).IsAccepted);
        Assert.Equal(1, h.Pool.Count);
        Assert.Equal(0, h.Pool.OrphanCount);
    }

    [Fact]
    public void The_orphan_count_is_bounded_and_the_oldest_goes_first()
    {
        using var h = new MempoolHarness(o => o.MaxOrphanCount = 2);
        var parents = Enumerable.Range(0, 3).Select(i => h.Spend(h.Coins[i], 1_000)).ToList();
        var orphans = parents.Select(p => h.Spend(MempoolHarness.CoinOf(p, 0), 1_000)).ToList();
        foreach (var orphan in orphans)
            Assert.Equal(MempoolAcceptStatus.Orphaned, h.Pool.Accept(orphan).Status);
        Assert.Equal(2, h.Pool.OrphanCount);
        Assert.False(h.Pool.ContainsOrphan(orphans[0].Txid));
        Assert.True(h.Pool.ContainsOrphan(orphans[1].Txid));
        Assert.True(h.Pool.ContainsOrphan(orphans[2].Txid));
    }

    [Fact]
    public void The_orphan_bytes_are_bounded_and_a_transaction_too_big_for_them_is_refused()
    {
        using var probe = new MempoolHarness(fundingBlocks: 1);
        int size = probe.Spend(probe.Coins[0], 1_000).TotalSize;
        using var h = new MempoolHarness(o => o.MaxOrphanBytes = 2 * size + 1);
        var parents = Enumerable.Range(0, 3).Select(i => h.Spend(h.Coins[i], 1_000)).ToList();
        var orphans = parents.Select(p => h.Spend(MempoolHarness.CoinOf(p, 0), 1_000)).ToList();
        foreach (var orphan in orphans)
            Assert.Equal(MempoolAcceptStatus.Orphaned, h.Pool.Accept(orphan).Status);
        Assert.Equal(2, h.Pool.OrphanCount);
        Assert.False(h.Pool.ContainsOrphan(orphans[0].Txid));

        using var tiny = new MempoolHarness(o => o.MaxOrphanBytes = size - 1);
        var lone = tiny.Spend(MempoolHarness.CoinOf(tiny.Spend(tiny.Coins[0], 1_000), 0), 1_000);
        var refused = tiny.Pool.Accept(lone);
        Assert.Equal(MempoolAcceptStatus.Rejected, refused.Status);
        Assert.Equal(MempoolRejectCodes.OrphanRefused, refused.Code);
        Assert.Equal(0, tiny.Pool.OrphanCount);
    }

    [Fact]
    public void Orphans_expire()
    {
        using var h = new MempoolHarness();
        var parent = h.Spend(h.Coins[0], 1_000);
        var orphan = h.Spend(MempoolHarness.CoinOf(parent, 0), 1_000);
        Assert.Equal(MempoolAcceptStatus.Orphaned, h.Pool.Accept(orphan).Status);
        h.Node.Clock.Advance(h.Pool.Options.OrphanExpiry - TimeSpan.FromSeconds(1));
        h.Pool.RemoveExpired();
        Assert.True(h.Pool.ContainsOrphan(orphan.Txid));
        h.Node.Clock.Advance(TimeSpan.FromSeconds(1));
        h.Pool.RemoveExpired();
        Assert.False(h.Pool.ContainsOrphan(orphan.Txid));
        Assert.True(h.Pool.Accept(parent).IsAccepted);
        Assert.False(h.Pool.Contains(orphan.Txid));
    }

    [Fact]
    public void Orphans_conflicting_with_a_block_are_dropped()
    {
        using var h = new MempoolHarness();
        var parent = h.Spend(h.Coins[0], 1_000);
        var orphan = h.Spend([MempoolHarness.CoinOf(parent, 0), h.Coins[1]], 1_000);
        Assert.Equal(MempoolAcceptStatus.Orphaned, h.Pool.Accept(orphan).Status);
        h.Mine(h.Spend(h.Coins[1], 2_000));
        Assert.Equal(0, h.Pool.OrphanCount);
    }

    [Fact]
    public void With_the_orphan_pool_off_missing_inputs_are_refused()
    {
        using var h = new MempoolHarness(o => o.MaxOrphanCount = 0);
        var orphan = h.Spend(MempoolHarness.CoinOf(h.Spend(h.Coins[0], 1_000), 0), 1_000);
        Assert.Equal(MempoolRejectCodes.OrphanRefused, h.Pool.Accept(orphan).Code);
    }
}
