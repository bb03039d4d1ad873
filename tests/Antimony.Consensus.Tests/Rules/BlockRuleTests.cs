using System.Collections.Immutable;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Coinbase;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Tests.Support;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Rules;

public sealed class BlockRuleTests
{
    private static readonly ChainParameters QuickMaturity = ChainParameters.Regtest with { CoinbaseMaturity = 1 };

    private static (TestNode Node, Transaction A, Transaction B) NodeWithTwoSpends()
    {
        var node = new TestNode(QuickMaturity);
        node.MineEmpty(3);
        var coins = node.MatureCoins();
        var a = node.Wallet.Spend([coins[0]], node.Wallet.Split(coins[0].Coin.Output.Value, 2));
        var b = node.Wallet.Spend([coins[1]], node.Wallet.Split(coins[1].Coin.Output.Value, 2, salt: 1));
        return (node, a, b);
    }

    [Fact]
    public void Bad_txnmrklroot_is_a_mutation_and_does_not_poison_the_real_block()
    {
        using var node = new TestNode();
        var block = node.Maker.Make(node.Chain.Tip);
        var wrongRoot = new Block(BlockMaker.Mine(block.Header with { MerkleRoot = Sha256d.Hash([1, 2, 3]) }), block.Transactions);
        var result = node.Rejects(wrongRoot, "bad-txnmrklroot");
        Assert.Equal(RejectCategory.Mutated, result.Result.Reason!.Value.Category);
        // Same header, other body: a mutated copy of a valid block never marks its header invalid.
        var mutatedCopy = new Block(block.Header, [.. block.Transactions, block.Transactions[0]]);
        node.Rejects(mutatedCopy, "bad-txnmrklroot");
        node.Accepts(block);
    }

    [Fact]
    public void Bad_txns_duplicate_detects_cve_2012_2459_and_the_original_block_still_connects()
    {
        var (node, a, b) = NodeWithTwoSpends();
        using var _ = node;
        var valid = node.Maker.Make(node.Chain.Tip, [a, b]);
        // [cb, a, b] and [cb, a, b, b] share a merkle root.
        var duplicated = new Block(valid.Header, valid.Transactions.Add(b));
        Assert.Equal(valid.Header.MerkleRoot, duplicated.ComputeMerkleRoot(out bool mutated));
        Assert.True(mutated);
        node.Rejects(duplicated, "bad-txns-duplicate");
        Assert.True(node.Chain.TryGetEntry(valid.Hash, out var entry));
        Assert.False(entry.IsInvalid);
        node.Accepts(valid);
    }

    [Fact]
    public void Bad_cb_missing_rejects_a_block_whose_first_transaction_is_not_a_coinbase()
    {
        var (node, a, _) = NodeWithTwoSpends();
        using var __ = node;
        node.Rejects(node.Maker.Assemble(node.Chain.Tip, [a]), "bad-cb-missing");
        node.Rejects(node.Maker.Assemble(node.Chain.Tip, []), "bad-cb-missing");
    }

    [Fact]
    public void Bad_cb_multiple_rejects_a_second_coinbase()
    {
        using var node = new TestNode();
        var first = node.Maker.Make(node.Chain.Tip);
        var other = node.Maker.Make(node.Chain.Tip);
        var block = node.Maker.Assemble(node.Chain.Tip, [first.Transactions[0], other.Transactions[0]]);
        node.Rejects(block, "bad-cb-multiple");
        node.Accepts(first);
    }

    [Fact]
    public void Bad_cb_height_rejects_a_coinbase_without_the_bip34_height()
    {
        using var node = new TestNode();
        node.MineEmpty(20);
        var block = node.Maker.Make(node.Chain.Tip, editCoinbase: b => b.SetScriptSig(0, new Script(new byte[] { 0x01, 0x07, 0x00 })));
        node.Rejects(block, "bad-cb-height");
        Assert.Equal(new byte[] { 0x01, 0x15 }, CoinbaseHeight.Encode(21));
        Assert.Equal(new byte[] { 0x02, 0x80, 0x00 }, CoinbaseHeight.Encode(128));
        Assert.Equal(new byte[] { 0x5a }, CoinbaseHeight.Encode(10));
    }

    [Fact]
    public void Unexpected_witness_rejects_witness_data_without_a_commitment()
    {
        var (node, a, _) = NodeWithTwoSpends();
        using var __ = node;
        var block = node.Maker.Make(node.Chain.Tip, [a], editCoinbase: b => b);
        node.Rejects(block, "unexpected-witness");
        node.Accepts(node.Maker.Make(node.Chain.Tip, [a]));
    }

    [Fact]
    public void Bad_witness_merkle_match_rejects_a_wrong_commitment()
    {
        var (node, a, _) = NodeWithTwoSpends();
        using var __ = node;
        var block = node.Maker.Make(node.Chain.Tip, [a], editCoinbase: b => b
            .SetWitness(0, new Witness(new byte[32]))
            .AddOutput(Money.Zero, new WitnessCommitment(Sha256d.Hash([9])).ToScript()));
        var result = node.Rejects(block, "bad-witness-merkle-match");
        Assert.Equal(RejectCategory.Mutated, result.Result.Reason!.Value.Category);
    }

    [Fact]
    public void Bad_witness_nonce_size_rejects_a_commitment_without_the_reserved_value()
    {
        var (node, a, _) = NodeWithTwoSpends();
        using var __ = node;
        var good = node.Maker.Make(node.Chain.Tip, [a]);
        var coinbase = good.Transactions[0].ToBuilder().SetWitness(0, new Witness(new byte[31])).Build();
        node.Rejects(node.Maker.Assemble(node.Chain.Tip, good.Transactions.SetItem(0, coinbase)), "bad-witness-nonce-size");
        node.Accepts(good);
    }

    [Fact]
    public void Bad_blk_weight_rejects_a_block_over_the_network_maximum()
    {
        using var node = new TestNode(ChainParameters.Regtest with { MaxBlockWeight = 2_000 });
        var heavy = node.Maker.Make(node.Chain.Tip, editCoinbase: b =>
        {
            for (int i = 0; i < 12; i++)
                b.AddOutput(Money.Zero, ScriptPubKey.Data(new byte[40]).Script);
            return b;
        });
        Assert.True(heavy.Weight > 2_000);
        node.Rejects(heavy, "bad-blk-weight");
        var light = node.Maker.Make(node.Chain.Tip);
        Assert.True(light.Weight <= 2_000);
        node.Accepts(light);
    }

    [Fact]
    public void Bad_cb_amount_rejects_one_atom_more_than_subsidy_plus_fees_and_marks_the_block_invalid()
    {
        var (node, a, _) = NodeWithTwoSpends();
        using var __ = node;
        var fee = Money.Zero;
        var subsidy = node.Parameters.GetBlockSubsidy(node.Chain.Tip.Height + 1);
        var greedy = node.Maker.Make(node.Chain.Tip, [a], coinbaseValue: subsidy + fee + Money.Atom);
        var result = node.Rejects(greedy, "bad-cb-amount");
        Assert.True(result.Entry!.IsInvalid);
        // Never retried: the same block is rejected again at once, and so is any child.
        node.Rejects(greedy, "bad-cb-amount");
        var child = node.Maker.Make(result.Entry);
        node.Rejects(child, "bad-prevblk");
        node.Accepts(node.Maker.Make(node.Chain.Tip, [a], coinbaseValue: subsidy));
    }

    [Fact]
    public void Data_outputs_may_carry_80_bytes_but_not_81()
    {
        using var node = new TestNode();
        var tooMuch = node.Maker.Make(node.Chain.Tip, editCoinbase: b => b.AddOutput(Money.Zero, new Script(new byte[] { 0x6a, 0x4c, 81 }.Concat(new byte[81]).ToArray())));
        node.Rejects(tooMuch, "bad-txns-output-type");
        node.Accepts(node.Maker.Make(node.Chain.Tip, editCoinbase: b => b.AddOutput(Money.Zero, ScriptPubKey.Data(new byte[80]).Script)));
    }

    [Fact]
    public void Bad_txns_nonfinal_until_the_lock_height_or_time_has_passed()
    {
        var (node, a, _) = NodeWithTwoSpends();
        using var __ = node;
        int next = node.Chain.Tip.Height + 1;
        Transaction Locked(uint lockTime, uint sequence)
        {
            var tx = new TransactionBuilder { LockTime = lockTime };
            tx.AddInput(a.Inputs[0].PreviousOutput, sequence);
            foreach (var output in a.Outputs)
                tx.AddOutput(output);
            var coin = node.State.TryGetCoin(a.Inputs[0].PreviousOutput, out var c) ? c : throw new InvalidOperationException();
            return node.Wallet.Sign(tx.Build(), [coin.Output]);
        }
        node.Rejects(node.Maker.Make(node.Chain.Tip, [Locked((uint)next, 0)]), "bad-txns-nonfinal");
        node.Rejects(node.Maker.Make(node.Chain.Tip, [Locked(node.Chain.Tip.MedianTimePast, 0)]), "bad-txns-nonfinal");
        // A final sequence on every input opts out; a lock below the height or median time has passed.
        node.Accepts(node.Maker.Make(node.Chain.Tip, [Locked((uint)next, TxIn.SequenceFinal)]));
        node.Accepts(node.Maker.Make(node.Chain.Tip, [Fresh(node)]));
    }

    private static Transaction Fresh(TestNode node)
    {
        var coin = node.MatureCoins()[^1];
        var tx = new TransactionBuilder { LockTime = (uint)node.Chain.Tip.Height };
        tx.AddInput(coin.OutPoint, 0);
        tx.AddOutput(coin.Coin.Output.Value, node.Wallet.Default);
        return node.Wallet.Sign(tx.Build(), [coin.Coin.Output]);
    }
}
