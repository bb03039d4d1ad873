using Antimony.Consensus.Coins;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Tests.Support;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Rules;

/// <summary>The path the mempool takes for a transaction outside a block.</summary>
public sealed class LooseTransactionTests
{
    [Fact]
    public void A_loose_transaction_is_checked_against_the_chain_coins_plus_a_layer()
    {
        using var node = new TestNode(ChainParameters.Regtest with { CoinbaseMaturity = 1 });
        node.MineEmpty(2);
        var coin = node.MatureCoins()[0];
        var rules = node.Rules;
        var parent = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value - new Money(500), 1));
        int height = node.Chain.Tip.Height + 1;

        Assert.True(rules.CheckTransaction(parent).IsValid);
        var view = new CoinCache(node.Chain.Coins);
        Assert.True(rules.CheckInputs(parent, view, height, out var spent, out var fee).IsValid);
        Assert.Equal(new Money(500), fee);
        Assert.True(rules.VerifySpends(parent, spent).IsValid);

        // A child of the unconfirmed parent resolves through the layer, not the chain.
        view.Spend(coin.OutPoint, out _);
        view.Add(new OutPoint(parent.Txid, 0), new Coin(parent.Outputs[0], height, false));
        var child = node.Wallet.Spend([(new OutPoint(parent.Txid, 0), new Coin(parent.Outputs[0], height, false))], node.Wallet.Split(parent.Outputs[0].Value, 2));
        Assert.Equal("bad-txns-inputs-missingorspent", rules.CheckInputs(child, node.Chain.Coins, height, out _, out _).Code);
        Assert.True(rules.CheckInputs(child, view, height, out var childSpent, out _).IsValid);
        Assert.True(rules.VerifySpends(child, childSpent).IsValid);

        var forged = child.ToBuilder().SetWitness(0, new Witness(new byte[64])).Build();
        Assert.Equal("mandatory-script-verify-flag-failed", rules.VerifySpends(forged, childSpent).Code);
        Assert.Equal("bad-txns-inputs-missingorspent", rules.CheckInputs(parent, view, height, out _, out _).Code);
    }
}
