using Antimony.Consensus.Events;
using Antimony.Consensus.Mempool;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>Full-RBF: what a replacement must pay, what it evicts, and the limits.</summary>
public sealed class ReplacementTests
{
    private static void AssertRefused(MempoolHarness h, Primitives.Transactions.Transaction transaction, string code)
    {
        var before = h.Snapshot();
        int removed = h.Removed.Count;
        var result = h.Pool.Accept(transaction);
        Assert.Equal(MempoolAcceptStatus.Rejected, result.Status);
        Assert.Equal(code, result.Code);
        Assert.Equal(before, h.Snapshot());
        Assert.Equal(removed, h.Removed.Count);
    }

    [Fact]
    public void A_conflict_without_more_fee_is_insufficient_fee()
    {
        using var h = new MempoolHarness();
        var original = h.Spend(h.Coins[0], 5_000, salt: 0);
        Assert.True(h.Pool.Accept(original).IsAccepted);
        AssertRefused(h, h.Spend(h.Coins[0], 5_000, salt: 1), MempoolRejectCodes.InsufficientFee);
        AssertRefused(h, h.Spend(h.Coins[0], 4_000, salt: 1), MempoolRejectCodes.InsufficientFee);
    }

    [Fact]
    public void A_replacement_pays_the_incremental_relay_fee_for_its_own_size()
    {
        using var h = new MempoolHarness();
        var original = h.Spend(h.Coins[0], 5_000, salt: 0);
        Assert.True(h.Pool.Accept(original).IsAccepted);
        int size = h.Spend(h.Coins[0], 0, salt: 1).VirtualSize;
        // Default incremental rate: 1 atom/vB.
        AssertRefused(h, h.Spend(h.Coins[0], 5_000 + size - 1, salt: 1), MempoolRejectCodes.InsufficientFee);
        var replacement = h.Spend(h.Coins[0], 5_000 + size, salt: 1);
        var result = h.Pool.Accept(replacement);
        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal([original.Txid], result.Replaced.ToArray());
        Assert.False(h.Pool.Contains(original.Txid));
        Assert.Equal([TransactionRemovalReason.Replaced], h.RemovalsOf(original.Txid));
    }

    [Fact]
    public void A_replacement_needs_a_higher_fee_rate_than_each_direct_conflict_even_with_a_higher_fee()
    {
        using var h = new MempoolHarness();
        var original = h.SpendAtRate([h.Coins[0]], 20, outputs: 1);
        Assert.True(h.Pool.Accept(original).IsAccepted);
        // Two inputs, many outputs: a bigger transaction paying more in total but less per byte.
        var bigger = h.Spend([h.Coins[0], h.Coins[1]], original.VirtualSize * 20 + 2_000, outputs: 6);
        Assert.True(FeeRate.Compare(new(original.VirtualSize * 20 + 2_000), bigger.VirtualSize, new(original.VirtualSize * 20), original.VirtualSize) < 0);
        AssertRefused(h, bigger, MempoolRejectCodes.InsufficientFee);
    }

    [Fact]
    public void Replacing_evicts_the_conflicts_descendants_and_must_outpay_them_all()
    {
        using var h = new MempoolHarness();
        var parent = h.Spend(h.Coins[0], 1_000);
        var child = h.Spend(MempoolHarness.CoinOf(parent, 0), 50_000);
        Assert.True(h.Pool.Accept(parent).IsAccepted);
        Assert.True(h.Pool.Accept(child).IsAccepted);
        // Beats the parent's rate but not parent + child's fees.
        AssertRefused(h, h.Spend(h.Coins[0], 40_000, salt: 3), MempoolRejectCodes.InsufficientFee);
        var replacement = h.Spend(h.Coins[0], 60_000, salt: 3);
        var result = h.Pool.Accept(replacement);
        Assert.True(result.IsAccepted, result.ToString());
        Assert.Equal([parent.Txid, child.Txid], result.Replaced.ToArray());
        Assert.Equal(1, h.Pool.Count);
        Assert.Equal([TransactionRemovalReason.Replaced], h.RemovalsOf(child.Txid));
    }

    [Fact]
    public void Replacing_more_than_the_eviction_limit_is_too_many_replacements()
    {
        using var h = new MempoolHarness(o => o.MaxReplacementEvictions = 2);
        var parent = h.Spend(h.Coins[0], 1_000);
        var child = h.Spend(MempoolHarness.CoinOf(parent, 0), 1_000);
        var grandchild = h.Spend(MempoolHarness.CoinOf(child, 0), 1_000);
        foreach (var tx in new[] { parent, child, grandchild })
            Assert.True(h.Pool.Accept(tx).IsAccepted);
        AssertRefused(h, h.Spend(h.Coins[0], 1_000_000, salt: 3), MempoolRejectCodes.TooManyReplacements);
        // Replacing only the child and grandchild is within the limit.
        Assert.True(h.Pool.Accept(h.Spend(MempoolHarness.CoinOf(parent, 0), 1_000_000, salt: 3)).IsAccepted);
    }

    [Fact]
    public void A_replacement_may_not_spend_what_it_replaces()
    {
        using var h = new MempoolHarness();
        var parent = h.Spend(h.Coins[0], 1_000);
        var child = h.Spend(MempoolHarness.CoinOf(parent, 0), 1_000);
        Assert.True(h.Pool.Accept(parent).IsAccepted);
        Assert.True(h.Pool.Accept(child).IsAccepted);
        // Conflicts with the child (same input) and spends the parent's other output: fine, the parent stays.
        Assert.True(h.Pool.Accept(h.Spend([MempoolHarness.CoinOf(parent, 0), MempoolHarness.CoinOf(parent, 1)], 100_000, salt: 3)).IsAccepted);
        // Conflicts with the parent (its coin) and spends the parent's output at the same time: self-contradictory.
        var contradictory = h.Spend([h.Coins[0], MempoolHarness.CoinOf(parent, 1)], 1_000_000, salt: 4);
        AssertRefused(h, contradictory, MempoolRejectCodes.SpendsConflictingTransaction);
    }

    [Fact]
    public void A_replacement_may_not_add_new_unconfirmed_inputs()
    {
        using var h = new MempoolHarness();
        var original = h.Spend(h.Coins[0], 1_000);
        var unrelated = h.Spend(h.Coins[1], 1_000);
        Assert.True(h.Pool.Accept(original).IsAccepted);
        Assert.True(h.Pool.Accept(unrelated).IsAccepted);
        AssertRefused(h, h.Spend([h.Coins[0], MempoolHarness.CoinOf(unrelated, 0)], 1_000_000, salt: 5), MempoolRejectCodes.ReplacementAddsUnconfirmed);
        // A new confirmed input is fine.
        Assert.True(h.Pool.Accept(h.Spend([h.Coins[0], h.Coins[2]], 1_000_000, salt: 5)).IsAccepted);
    }

    [Fact]
    public void Replacement_needs_no_opt_in_signal()
    {
        using var h = new MempoolHarness();
        var final = h.Spend(h.Coins[0], 1_000);
        Assert.All(final.Inputs, i => Assert.Equal(uint.MaxValue, i.Sequence));
        Assert.True(h.Pool.Accept(final).IsAccepted);
        Assert.True(h.Pool.Accept(h.Spend(h.Coins[0], 10_000, salt: 1)).IsAccepted);
        Assert.False(h.Pool.Contains(final.Txid));
    }
}
