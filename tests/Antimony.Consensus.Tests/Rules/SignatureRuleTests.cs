using Antimony.Consensus.Tests.Support;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Rules;

public sealed class SignatureRuleTests
{
    private static TestNode NodeWithCoins()
    {
        var node = new TestNode(Antimony.Consensus.Parameters.ChainParameters.Regtest with { CoinbaseMaturity = 1 });
        node.MineEmpty(4);
        return node;
    }

    private static Transaction WithWitness(Transaction tx, int input, params byte[][] items) =>
        tx.ToBuilder().SetWitness(input, new Witness([.. items.Select(i => new ReadOnlyMemory<byte>(i))])).Build();

    [Fact]
    public void A_flipped_schnorr_signature_bit_fails_verification()
    {
        using var node = NodeWithCoins();
        var coin = node.MatureCoins()[0];
        var spend = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value, 1));
        var signature = spend.Inputs[0].Witness[0].ToArray();
        signature[10] ^= 1;
        node.Rejects(node.Maker.Make(node.Chain.Tip, [WithWitness(spend, 0, signature)]), "mandatory-script-verify-flag-failed");
        node.Accepts(node.Maker.Make(node.Chain.Tip, [spend]));
    }

    [Fact]
    public void A_signature_for_other_outputs_fails_verification()
    {
        using var node = NodeWithCoins();
        var coin = node.MatureCoins()[0];
        var spend = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value, 1));
        var other = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value, 2));
        var mixed = WithWitness(other, 0, spend.Inputs[0].Witness[0].ToArray());
        node.Rejects(node.Maker.Make(node.Chain.Tip, [mixed]), "mandatory-script-verify-flag-failed");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(66)]
    public void A_p2tr_witness_of_the_wrong_shape_is_bad_witness(int length)
    {
        using var node = NodeWithCoins();
        var coin = node.MatureCoins()[0];
        var spend = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value, 1));
        var broken = length == 0 ? spend.ToBuilder().SetWitness(0, Witness.Empty).Build() : WithWitness(spend, 0, new byte[length]);
        node.Rejects(node.Maker.Make(node.Chain.Tip, [broken]), "bad-witness");
    }

    [Fact]
    public void A_65_byte_p2tr_signature_with_an_explicit_default_hash_type_is_bad_witness()
    {
        using var node = NodeWithCoins();
        var coin = node.MatureCoins()[0];
        var spend = node.Wallet.Spend([coin], node.Wallet.Split(coin.Coin.Output.Value, 1));
        var padded = WithWitness(spend, 0, [.. spend.Inputs[0].Witness[0], 0x00]);
        node.Rejects(node.Maker.Make(node.Chain.Tip, [padded]), "bad-witness");
    }

    [Fact]
    public void A_p2wpkh_key_that_does_not_hash_to_the_program_is_bad_witness()
    {
        using var node = NodeWithCoins();
        var coin = node.MatureCoins()[0];
        var toV0 = node.Wallet.Spend([coin], [new TxOut(coin.Coin.Output.Value, node.Wallet.WitnessV0Scripts[0])]);
        node.Accepts(node.Maker.Make(node.Chain.Tip, [toV0]));
        var v0Coin = (new OutPoint(toV0.Txid, 0), new Antimony.Consensus.Coins.Coin(toV0.Outputs[0], node.Chain.Tip.Height, false));
        var spend = node.Wallet.Spend([v0Coin], node.Wallet.Split(coin.Coin.Output.Value, 1));
        var otherKey = node.Wallet.Spend([(v0Coin.Item1, v0Coin.Item2 with { Output = toV0.Outputs[0] with { ScriptPubKey = node.Wallet.WitnessV0Scripts[1] } })],
            node.Wallet.Split(coin.Coin.Output.Value, 1));
        var wrongKey = WithWitness(spend, 0, spend.Inputs[0].Witness[0].ToArray(), otherKey.Inputs[0].Witness[1].ToArray());
        node.Rejects(node.Maker.Make(node.Chain.Tip, [wrongKey]), "bad-witness");
        var badSignature = spend.Inputs[0].Witness[0].ToArray();
        badSignature[^2] ^= 1;
        node.Rejects(node.Maker.Make(node.Chain.Tip, [WithWitness(spend, 0, badSignature, spend.Inputs[0].Witness[1].ToArray())]), "mandatory-script-verify-flag-failed");
        node.Accepts(node.Maker.Make(node.Chain.Tip, [spend]));
    }

    [Fact]
    public void Many_signatures_in_one_block_are_verified_as_one_batch_and_one_bad_one_fails_the_block()
    {
        using var node = NodeWithCoins();
        node.MineEmpty(20);
        var coins = node.MatureCoins();
        var spends = coins.Take(20).Select((c, i) => node.Wallet.Spend([c], node.Wallet.Split(c.Coin.Output.Value, 1, salt: i))).ToList();
        var signature = spends[13].Inputs[0].Witness[0].ToArray();
        signature[40] ^= 0x80;
        var broken = spends.ToList();
        broken[13] = WithWitness(spends[13], 0, signature);
        node.Rejects(node.Maker.Make(node.Chain.Tip, broken), "mandatory-script-verify-flag-failed");
        node.Accepts(node.Maker.Make(node.Chain.Tip, spends));
    }
}
