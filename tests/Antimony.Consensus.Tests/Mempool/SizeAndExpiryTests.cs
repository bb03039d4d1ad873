using Antimony.Consensus.Events;
using Antimony.Consensus.Mempool;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>The size cap (lowest descendant fee rate evicted first, rolling minimum fee) and expiry.</summary>
public sealed class SizeAndExpiryTests
{
    // Four equal-sized 1-in 2-out P2TR spends fit; a fifth does not.
    private static MempoolHarness Capped(int transactions = 4)
    {
        using var probe = new MempoolHarness(fundingBlocks: 1);
        int size = probe.Spend(probe.Coins[0], 1_000).TotalSize;
        return new MempoolHarness(o =>
        {
            o.MaxTransactionWeight = 1_000;
            o.MaxSizeBytes = Math.Max(1_000, transactions * size + size / 2);
        }, fundingBlocks: 8);
    }

    private static Transaction At(MempoolHarness h, int coin, long rate) => h.SpendAtRate([h.Coins[coin]], rate);

    [Fact]
    public void Over_the_cap_the_lowest_fee_rate_goes_and_the_minimum_fee_rises()
    {
        using var h = Capped(4);
        var txs = new[] { At(h, 0, 3), At(h, 1, 2), At(h, 2, 4), At(h, 3, 5) };
        foreach (var tx in txs)
            Assert.True(h.Pool.Accept(tx).IsAccepted);
        Assert.Equal(FeeRate.FromAtomsPerVirtualByte(1), h.Pool.MinimumFeeRate);

        var rich = At(h, 4, 10);
        Assert.True(h.Pool.Accept(rich).IsAccepted);
        Assert.False(h.Pool.Contains(txs[1].Txid));
        Assert.Equal([TransactionRemovalReason.Evicted], h.RemovalsOf(txs[1].Txid));
        Assert.True(h.Pool.Bytes <= h.Pool.Options.MaxSizeBytes);
        // Evicted package rate 2/vB plus the incremental 1/vB.
        Assert.Equal(FeeRate.FromAtomsPerVirtualByte(3), h.Pool.MinimumFeeRate);

        var before = h.Snapshot();
        var cheap = h.Pool.Accept(At(h, 5, 2));
        Assert.Equal(MempoolRejectCodes.MempoolMinFeeNotMet, cheap.Code);
        Assert.Equal(before, h.Snapshot());
    }

    [Fact]
    public void A_newcomer_that_would_be_evicted_itself_is_mempool_full_and_changes_nothing()
    {
        using var h = Capped(4);
        for (int i = 0; i < 4; i++)
            Assert.True(h.Pool.Accept(At(h, i, 5)).IsAccepted);
        var before = h.Snapshot();
        int removed = h.Removed.Count;
        var result = h.Pool.Accept(At(h, 4, 2));
        Assert.Equal(MempoolRejectCodes.MempoolFull, result.Code);
        Assert.Equal(before, h.Snapshot());
        Assert.Equal(removed, h.Removed.Count);
        Assert.Equal(FeeRate.FromAtomsPerVirtualByte(1), h.Pool.MinimumFeeRate);
    }

    [Fact]
    public void Eviction_takes_a_package_by_its_descendant_fee_rate()
    {
        using var h = Capped(4);
        var parent = At(h, 0, 1);
        var child = h.SpendAtRate([MempoolHarness.CoinOf(parent, 0)], 2);
        var others = new[] { At(h, 1, 3), At(h, 2, 4) };
        foreach (var tx in others.Prepend(child).Prepend(parent))
            Assert.True(h.Pool.Accept(tx).IsAccepted);
        Assert.True(h.Pool.Accept(At(h, 3, 10)).IsAccepted);
        Assert.Equal([TransactionRemovalReason.Evicted], h.RemovalsOf(parent.Txid));
        Assert.Equal([TransactionRemovalReason.Evicted], h.RemovalsOf(child.Txid));
        Assert.All(others, o => Assert.True(h.Pool.Contains(o.Txid)));
    }

    [Fact]
    public void The_rolling_minimum_decays_only_after_a_block()
    {
        using var h = Capped(4);
        foreach (var (coin, rate) in new[] { (0, 3), (1, 2), (2, 4), (3, 5), (4, 10) })
            Assert.True(h.Pool.Accept(At(h, coin, rate)).IsAccepted);
        Assert.Equal(FeeRate.FromAtomsPerVirtualByte(3), h.Pool.MinimumFeeRate);
        h.Node.Clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(FeeRate.FromAtomsPerVirtualByte(3), h.Pool.MinimumFeeRate);
        // After a block, the decay counts from the eviction (as Core's); the pool is over half full, so the
        // half-life is the full 12 hours.
        h.Mine();
        Assert.Equal(new FeeRate(1_500), h.Pool.MinimumFeeRate);
        h.Node.Clock.Advance(TimeSpan.FromHours(48));
        Assert.Equal(FeeRate.FromAtomsPerVirtualByte(1), h.Pool.MinimumFeeRate);
        // The minimum no longer refuses 2/vB; the full pool still does, as the cheapest would be evicted first.
        Assert.Equal(MempoolRejectCodes.MempoolFull, h.Pool.Accept(At(h, 5, 2)).Code);
    }

    [Fact]
    public void Entries_older_than_the_expiry_leave_with_their_descendants()
    {
        using var h = new MempoolHarness();
        var old = h.Spend(h.Coins[0], 1_000);
        Assert.True(h.Pool.Accept(old).IsAccepted);
        h.Node.Clock.Advance(TimeSpan.FromDays(1));
        var child = h.Spend(MempoolHarness.CoinOf(old, 0), 1_000);
        var young = h.Spend(h.Coins[1], 1_000);
        Assert.True(h.Pool.Accept(child).IsAccepted);
        Assert.True(h.Pool.Accept(young).IsAccepted);

        h.Node.Clock.Advance(TimeSpan.FromDays(13) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, h.Pool.RemoveExpired());
        h.Node.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, h.Pool.RemoveExpired());
        Assert.Equal([TransactionRemovalReason.Expired], h.RemovalsOf(old.Txid));
        Assert.Equal([TransactionRemovalReason.Expired], h.RemovalsOf(child.Txid));
        Assert.True(h.Pool.Contains(young.Txid));
    }

    [Fact]
    public void A_replacement_that_would_be_evicted_itself_restores_what_it_replaced()
    {
        using var h = new MempoolHarness(o => { o.MaxTransactionWeight = 1_000; o.MaxSizeBytes = 1_000; }, fundingBlocks: 8);
        // 162 + 3 x 205 + 162 = 939 bytes of the 1,000.
        var conflict = h.SpendAtRate([h.Coins[0]], 2, outputs: 1);
        var others = new[] { At(h, 1, 5), At(h, 2, 5), At(h, 3, 5), h.SpendAtRate([h.Coins[4]], 5, outputs: 1) };
        foreach (var tx in others.Prepend(conflict))
            Assert.True(h.Pool.Accept(tx).IsAccepted);
        // Outpays the conflict (rate and fees) but is bigger: the pool overflows and the replacement, at the
        // lowest rate, would be the one evicted.
        var bigger = h.SpendAtRate([h.Coins[0]], 3, outputs: 3, salt: 1);
        Assert.True(h.Pool.Bytes - conflict.TotalSize + bigger.TotalSize > h.Pool.Options.MaxSizeBytes);
        var before = h.Snapshot();
        int removed = h.Removed.Count, added = h.Added.Count;
        var result = h.Pool.Accept(bigger);
        Assert.Equal(MempoolRejectCodes.MempoolFull, result.Code);
        Assert.Equal(before, h.Snapshot());
        Assert.Equal(removed, h.Removed.Count);
        Assert.Equal(added, h.Added.Count);
        Assert.True(h.Pool.Contains(conflict.Txid));
    }
}
