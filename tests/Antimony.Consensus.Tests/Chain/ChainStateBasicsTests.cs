using Antimony.Consensus.Chain;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Tests.Support;
using Antimony.Primitives.Amounts;

namespace Antimony.Consensus.Tests.Chain;

public sealed class ChainStateBasicsTests
{
    private static readonly ChainParameters QuickMaturity = ChainParameters.Regtest with { CoinbaseMaturity = 2 };

    [Fact]
    public void A_fresh_node_starts_at_genesis_with_an_empty_utxo_set()
    {
        using var node = new TestNode();
        Assert.Equal(ChainParameters.Regtest.CreateGenesisBlock().Hash, node.Chain.Tip.Hash);
        Assert.Equal(0, node.Chain.Tip.Height);
        Assert.Equal(0, node.State.CoinCount);
    }

    [Fact]
    public void Mined_blocks_extend_the_tip_and_add_their_coinbase()
    {
        using var node = new TestNode();
        node.MineEmpty(5);
        Assert.Equal(5, node.Chain.Tip.Height);
        Assert.Equal(5, node.State.CoinCount);
        Assert.Equal(Money.FromCoins(250), Money.Sum(node.State.CopyCoins().Values.Select(c => c.Output.Value)));
        Assert.Equal(node.Chain.Tip.Previous!.ChainWork + node.Chain.Tip.ChainWork - node.Chain.Tip.Previous.ChainWork, node.Chain.Tip.ChainWork);
    }

    [Fact]
    public void A_block_spending_mature_coins_with_a_fee_connects_and_pays_the_miner()
    {
        using var node = new TestNode(QuickMaturity);
        node.MineEmpty(3);
        var coins = node.MatureCoins();
        Assert.Equal(2, coins.Count);
        var fee = Money.FromCoins(1);
        var spend = node.Wallet.Spend(coins, node.Wallet.Split(Money.FromCoins(100) - fee, 4));
        var block = node.Maker.Make(node.Chain.Tip, [spend], fee);
        node.Accepts(block);
        var utxo = node.State.CopyCoins();
        Assert.Equal(3 - 2 + 1 + 4, utxo.Count);
        Assert.Equal(Money.FromCoins(200), Money.Sum(utxo.Values.Select(c => c.Output.Value)));
        Assert.All(coins, c => Assert.False(utxo.ContainsKey(c.OutPoint)));
    }

    [Fact]
    public void A_block_seen_twice_is_already_known()
    {
        using var node = new TestNode();
        var block = node.MineEmpty(1);
        Assert.Equal(BlockAcceptance.AlreadyKnown, node.Submit(block).Acceptance);
    }

    [Fact]
    public void A_block_whose_parent_is_unknown_is_missing_context_and_not_remembered()
    {
        using var node = new TestNode();
        var other = new TestNode();
        var orphanParent = other.MineEmpty(1);
        var orphan = other.Maker.Make(other.Chain.Tip);
        var result = node.Rejects(orphan, "prev-blk-not-found");
        Assert.Equal(Validation.RejectCategory.MissingContext, result.Result.Reason!.Value.Category);
        Assert.False(node.Chain.TryGetEntry(orphan.Hash, out _));
        node.Accepts(orphanParent);
        node.Accepts(orphan);
        other.Dispose();
    }

    [Fact]
    public void The_locator_starts_at_the_tip_and_ends_at_genesis()
    {
        using var node = new TestNode();
        node.MineEmpty(40);
        var locator = node.Chain.GetLocator();
        Assert.Equal(node.Chain.Tip.Hash, locator[0]);
        Assert.Equal(node.Chain.Genesis.Hash, locator[^1]);
        Assert.True(locator.Count < 30);
        Assert.Equal(node.Chain.GetActiveEntry(39)!.Hash, locator[1]);
    }
}
