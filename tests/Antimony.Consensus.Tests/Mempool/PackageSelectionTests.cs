using Antimony.Consensus.Mempool;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>Ordering for block templates by ancestor-package fee rate (child pays for parent).</summary>
public sealed class PackageSelectionTests
{
    [Fact]
    public void A_low_fee_parent_with_a_high_fee_child_is_selected_before_a_medium_fee_transaction()
    {
        using var h = new MempoolHarness();
        var parent = h.SpendAtRate([h.Coins[0]], 1);
        var child = h.SpendAtRate([MempoolHarness.CoinOf(parent, 0)], 50);
        var medium = h.SpendAtRate([h.Coins[1]], 10);
        Assert.True(h.Pool.Accept(parent).IsAccepted);
        Assert.True(h.Pool.Accept(medium).IsAccepted);
        Assert.Equal([medium.Txid, parent.Txid], h.Pool.SelectPackages(long.MaxValue).Entries.Select(e => e.Txid));

        Assert.True(h.Pool.Accept(child).IsAccepted);
        var selection = h.Pool.SelectPackages(long.MaxValue);
        Assert.Equal([parent.Txid, child.Txid, medium.Txid], selection.Entries.Select(e => e.Txid));
        Assert.Equal(new Primitives.Amounts.Money(new[] { parent, child, medium }.Sum(t => h.Pool.TryGetEntry(t.Txid, out var e) ? e.Fee.Atoms : 0)), selection.Fees);
        Assert.Equal(parent.Weight + child.Weight + medium.Weight, selection.Weight);
        Assert.True(h.Pool.TryGetEntry(child.Txid, out var info));
        Assert.True(info.AncestorFeeRate > FeeRate.FromAtomsPerVirtualByte(10));
    }

    [Fact]
    public void A_package_that_does_not_fit_is_skipped_for_smaller_ones()
    {
        using var h = new MempoolHarness();
        var parent = h.SpendAtRate([h.Coins[0]], 1);
        var child = h.SpendAtRate([MempoolHarness.CoinOf(parent, 0)], 50);
        var medium = h.SpendAtRate([h.Coins[1]], 10);
        foreach (var tx in new[] { parent, child, medium })
            Assert.True(h.Pool.Accept(tx).IsAccepted);
        var selection = h.Pool.SelectPackages(parent.Weight + child.Weight - 1);
        Assert.Equal([medium.Txid], selection.Entries.Select(e => e.Txid));
        Assert.Empty(h.Pool.SelectPackages(0).Entries);
    }

    [Fact]
    public void Taking_a_package_updates_the_remaining_descendants_rates()
    {
        using var h = new MempoolHarness();
        // parent (1/vB) has two children: a rich one (60/vB) and a poor one (3/vB). A medium (8/vB) competes.
        var parent = h.SpendAtRate([h.Coins[0]], 1);
        var rich = h.SpendAtRate([MempoolHarness.CoinOf(parent, 0)], 60);
        var poor = h.SpendAtRate([MempoolHarness.CoinOf(parent, 1)], 3);
        var medium = h.SpendAtRate([h.Coins[1]], 8);
        foreach (var tx in new[] { parent, rich, poor, medium })
            Assert.True(h.Pool.Accept(tx).IsAccepted);
        // Once parent + rich are taken, poor alone is worth 3/vB: below medium, although poor's package with the
        // parent was compared at 2/vB before.
        Assert.Equal([parent.Txid, rich.Txid, medium.Txid, poor.Txid], h.Pool.SelectPackages(long.MaxValue).Entries.Select(e => e.Txid));
    }

    [Fact]
    public void Every_selection_is_in_a_valid_order_and_the_whole_pool_comes_back()
    {
        using var h = new MempoolHarness();
        var a = h.SpendAtRate([h.Coins[0]], 2);
        var b = h.SpendAtRate([MempoolHarness.CoinOf(a, 0)], 3);
        var c = h.SpendAtRate([MempoolHarness.CoinOf(b, 0), MempoolHarness.CoinOf(a, 1)], 40);
        var d = h.SpendAtRate([h.Coins[1]], 5);
        foreach (var tx in new[] { a, b, c, d })
            Assert.True(h.Pool.Accept(tx).IsAccepted);
        var order = h.Pool.SelectPackages(long.MaxValue).Entries.Select(e => e.Txid).ToList();
        Assert.Equal(4, order.Count);
        Assert.True(order.IndexOf(a.Txid) < order.IndexOf(b.Txid));
        Assert.True(order.IndexOf(b.Txid) < order.IndexOf(c.Txid));
        Assert.Equal(a.Txid, order[0]);
        // The mined block is valid: the chain accepts it.
        h.Mine([.. h.Pool.SelectPackages(long.MaxValue).Transactions]);
        Assert.Equal(0, h.Pool.Count);
    }
}
