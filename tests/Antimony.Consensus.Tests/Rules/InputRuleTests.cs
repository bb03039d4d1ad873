using System.Collections.Immutable;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Rules.Transactions;
using Antimony.Consensus.Tests.Support;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Rules;

public sealed class InputRuleTests
{
    private static readonly ChainParameters QuickMaturity = ChainParameters.Regtest with { CoinbaseMaturity = 3 };

    private static TestNode NodeWithCoins()
    {
        var node = new TestNode(QuickMaturity);
        node.MineEmpty(5);
        return node;
    }

    [Fact]
    public void Inputs_missingorspent_for_an_unknown_outpoint_and_a_double_spend_within_a_block()
    {
        using var node = NodeWithCoins();
        var coin = node.MatureCoins()[0];
        var ghost = (new OutPoint(new Txid(Sha256d.Hash([7])), 0), coin.Coin);
        var unknown = node.Wallet.Spend([ghost], node.Wallet.Split(coin.Coin.Output.Value, 1));
        node.Rejects(node.Maker.Make(node.Chain.Tip, [unknown]), "bad-txns-inputs-missingorspent");

        var first = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value, 1));
        var second = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value, 2));
        node.Rejects(node.Maker.Make(node.Chain.Tip, [first, second]), "bad-txns-inputs-missingorspent");
        node.Accepts(node.Maker.Make(node.Chain.Tip, [first]));
        node.Rejects(node.Maker.Make(node.Chain.Tip, [second]), "bad-txns-inputs-missingorspent");
    }

    [Fact]
    public void A_transaction_may_spend_an_output_created_earlier_in_the_same_block_but_not_later()
    {
        using var node = NodeWithCoins();
        var coin = node.MatureCoins()[0];
        var parent = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value, 1));
        var created = (new OutPoint(parent.Txid, 0), new Coin(parent.Outputs[0], node.Chain.Tip.Height + 1, false));
        var child = node.Wallet.Spend([created], node.Wallet.Split(parent.Outputs[0].Value, 1));
        node.Rejects(node.Maker.Make(node.Chain.Tip, [child, parent]), "bad-txns-inputs-missingorspent");
        node.Accepts(node.Maker.Make(node.Chain.Tip, [parent, child]));
        Assert.False(node.State.TryGetCoin(new OutPoint(parent.Txid, 0), out _));
        Assert.True(node.State.TryGetCoin(new OutPoint(child.Txid, 0), out _));
    }

    [Fact]
    public void Premature_spend_of_coinbase_until_maturity()
    {
        using var node = new TestNode(QuickMaturity);
        node.MineEmpty(1);
        var (outPoint, coin) = node.State.CopyCoins().Single();
        var spend = node.Wallet.Spend([(outPoint, coin)], node.Wallet.Split(coin.Output.Value, 1));
        // Coinbase at height 1, maturity 3: spendable from height 4.
        node.MineEmpty(1);
        node.Rejects(node.Maker.Make(node.Chain.Tip, [spend]), "bad-txns-premature-spend-of-coinbase");
        node.MineEmpty(1);
        Assert.Equal(3, node.Chain.Tip.Height);
        node.Accepts(node.Maker.Make(node.Chain.Tip, [spend]));
    }

    [Fact]
    public void In_belowout_when_outputs_exceed_inputs()
    {
        using var node = NodeWithCoins();
        var coin = node.MatureCoins()[0];
        var overspend = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value + Money.Atom, 1));
        node.Rejects(node.Maker.Make(node.Chain.Tip, [overspend]), "bad-txns-in-belowout");
        var exact = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value, 1));
        node.Accepts(node.Maker.Make(node.Chain.Tip, [exact]));
    }

    [Fact]
    public void Inputvalues_outofrange_for_a_coin_outside_the_money_range()
    {
        var tx = new TransactionBuilder().AddInput(new OutPoint(new Txid(Sha256d.Hash([1])), 0)).AddOutput(Money.Coin, Script.FromHex("6a")).Build();
        var script = ScriptPubKey.P2wpkh(new byte[20]).Script;
        var rule = new InputValuesRule();
        var huge = new Coin(new TxOut(Money.MaxValue + Money.Atom, script), 1, false);
        Assert.Equal("bad-txns-inputvalues-outofrange", rule.Check(new InputContext(tx, [huge], 10, QuickMaturity)).Code);
        var fine = new Coin(new TxOut(Money.Coin, script), 1, false);
        Assert.Null(rule.Check(new InputContext(tx, [fine], 10, QuickMaturity)).Code);
    }

    [Fact]
    public void Scriptsig_must_be_empty_in_a_block()
    {
        using var node = NodeWithCoins();
        var coin = node.MatureCoins()[0];
        var spend = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value, 1));
        var withScriptSig = spend.ToBuilder().SetScriptSig(0, new Script(new byte[] { 0x00 })).Build();
        node.Rejects(node.Maker.Make(node.Chain.Tip, [withScriptSig]), "bad-txns-scriptsig-not-empty");
    }

    [Fact]
    public void Spending_p2wpkh_outputs_with_ecdsa_connects()
    {
        using var node = NodeWithCoins();
        var coin = node.MatureCoins()[0];
        var toV0 = node.Wallet.Spend([coin], [new TxOut(coin.Coin.Output.Value, node.Wallet.WitnessV0Scripts[1])]);
        node.Accepts(node.Maker.Make(node.Chain.Tip, [toV0]));
        var v0Coin = (new OutPoint(toV0.Txid, 0), new Coin(toV0.Outputs[0], node.Chain.Tip.Height, false));
        var back = node.Wallet.Spend([v0Coin], node.Wallet.Split(coin.Coin.Output.Value, 3));
        node.Accepts(node.Maker.Make(node.Chain.Tip, [back]));
    }
}
