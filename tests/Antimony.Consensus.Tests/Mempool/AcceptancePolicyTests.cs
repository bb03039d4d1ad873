using Antimony.Consensus.Mempool;
using Antimony.Consensus.OutputTypes;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Consensus.Tests.Mempool;

/// <summary>Each acceptance rule from both sides: the code on refusal, and a refusal leaves the pool as it was.</summary>
public sealed class AcceptancePolicyTests
{
    private static void AssertRefused(MempoolHarness h, Transaction transaction, string code, bool consensus = false)
    {
        var before = h.Snapshot();
        int added = h.Added.Count, removed = h.Removed.Count;
        var result = h.Pool.Accept(transaction);
        Assert.Equal(MempoolAcceptStatus.Rejected, result.Status);
        Assert.Equal(code, result.Code);
        Assert.Equal(consensus, result.IsConsensusViolation);
        Assert.Equal(before, h.Snapshot());
        Assert.Equal(added, h.Added.Count);
        Assert.Equal(removed, h.Removed.Count);
        Assert.False(h.Pool.ContainsOrphan(transaction.Txid));
    }

    private static void AssertAccepted(MempoolHarness h, Transaction transaction)
    {
        var result = h.Pool.Accept(transaction);
        Assert.True(result.IsAccepted, result.ToString());
        Assert.True(h.Pool.Contains(transaction.Txid));
    }

    [Fact]
    public void A_signed_standard_spend_is_accepted_with_its_fee_and_announced()
    {
        using var h = new MempoolHarness();
        var tx = h.Spend(h.Coins[0], fee: 5_000);
        var result = h.Pool.Accept(tx);
        Assert.True(result.IsAccepted);
        Assert.Null(result.Code);
        Assert.Equal(new Money(5_000), result.Fee);
        Assert.Equal(1, h.Pool.Count);
        Assert.Equal(tx.TotalSize, h.Pool.Bytes);
        var added = Assert.Single(h.Added);
        Assert.Same(tx, added.Transaction);
        Assert.Equal(new Money(5_000), added.Fee);
        Assert.True(h.Pool.TryGetSpender(h.Coins[0].OutPoint, out var spender));
        Assert.Equal(tx.Txid, spender);
    }

    [Fact]
    public void The_same_transaction_twice_is_already_in_the_mempool()
    {
        using var h = new MempoolHarness();
        var tx = h.Spend(h.Coins[0], 5_000);
        AssertAccepted(h, tx);
        AssertRefused(h, tx, MempoolRejectCodes.AlreadyInMempool);
    }

    [Fact]
    public void A_confirmed_transaction_is_already_known()
    {
        using var h = new MempoolHarness();
        var tx = h.Spend(h.Coins[0], 5_000);
        h.Mine(tx);
        AssertRefused(h, tx, MempoolRejectCodes.AlreadyKnown);
    }

    [Fact]
    public void A_loose_coinbase_is_refused_as_invalid()
    {
        using var h = new MempoolHarness();
        Assert.True(h.Chain.TryGetBlock(h.Chain.Tip.Hash, out var block));
        AssertRefused(h, block.Transactions[0], MempoolRejectCodes.Coinbase, consensus: true);
    }

    [Fact]
    public void A_bad_signature_fails_the_consensus_verifier()
    {
        using var h = new MempoolHarness();
        var tx = h.Spend(h.Coins[0], 5_000);
        var signature = tx.Inputs[0].Witness[0].ToArray();
        signature[10] ^= 1;
        var forged = tx.ToBuilder().SetWitness(0, new Witness(signature)).Build();
        AssertRefused(h, forged, RejectReasons.SignatureFailed.Code, consensus: true);
        AssertAccepted(h, tx);
    }

    [Fact]
    public void A_malformed_witness_is_bad_witness()
    {
        using var h = new MempoolHarness();
        var tx = h.Spend(h.Coins[0], 5_000);
        var forged = tx.ToBuilder().SetWitness(0, new Witness(new byte[63])).Build();
        AssertRefused(h, forged, RejectReasons.BadWitness.Code, consensus: true);
    }

    [Fact]
    public void Outputs_above_inputs_break_the_input_values_rule()
    {
        using var h = new MempoolHarness();
        AssertRefused(h, h.Spend(h.Coins[0], fee: -1), RejectReasons.InputsBelowOutputs.Code, consensus: true);
    }

    [Fact]
    public void Context_free_consensus_rules_apply_before_policy()
    {
        using var h = new MempoolHarness();
        var twice = h.Spend([h.Coins[0], h.Coins[0]], 5_000);
        AssertRefused(h, twice, RejectReasons.DuplicateInputs.Code, consensus: true);
        var script = new TransactionBuilder().AddInput(h.Coins[1].OutPoint).AddOutput(Money.Coin, h.Node.Wallet.Default).Build()
            .ToBuilder().SetScriptSig(0, new Script(new byte[] { 0x51 })).Build();
        AssertRefused(h, script, RejectReasons.ScriptSigNotEmpty.Code, consensus: true);
    }

    [Fact]
    public void A_lock_time_not_passed_for_the_next_block_is_non_final()
    {
        using var h = new MempoolHarness();
        Transaction Locked(uint lockTime, uint sequence) => h.Node.Wallet.Sign(
            new TransactionBuilder { LockTime = lockTime }.AddInput(h.Coins[0].OutPoint, sequence).AddOutput(Money.Coin, h.Node.Wallet.Default).Build(),
            [h.Coins[0].Coin.Output]);
        uint next = (uint)h.Chain.Tip.Height + 1;
        AssertRefused(h, Locked(next, 0xfffffffe), MempoolRejectCodes.NonFinal);
        AssertRefused(h, Locked(h.Chain.Tip.MedianTimePast, 0xfffffffe), MempoolRejectCodes.NonFinal);
        // Final sequences opt out of the lock time.
        AssertAccepted(h, Locked(next + 100, TxIn.SequenceFinal));
        h.Mine();
        AssertRefused(h, Locked(next + 1, 0xfffffffe), MempoolRejectCodes.NonFinal);
    }

    [Fact]
    public void A_lock_time_below_the_next_height_is_final()
    {
        using var h = new MempoolHarness();
        var tx = h.Node.Wallet.Sign(
            new TransactionBuilder { LockTime = (uint)h.Chain.Tip.Height }.AddInput(h.Coins[0].OutPoint, 0).AddOutput(Money.Coin, h.Node.Wallet.Default).Build(),
            [h.Coins[0].Coin.Output]);
        AssertAccepted(h, tx);
    }

    [Fact]
    public void Version_above_two_is_not_standard()
    {
        using var h = new MempoolHarness();
        var unsigned = new TransactionBuilder { Version = 3 }.AddInput(h.Coins[0].OutPoint).AddOutput(Money.Coin, h.Node.Wallet.Default).Build();
        var v3 = h.Node.Wallet.Sign(unsigned, [h.Coins[0].Coin.Output]);
        AssertRefused(h, v3, MempoolRejectCodes.Version);
        var v1 = h.Node.Wallet.Sign(new TransactionBuilder { Version = 1 }.AddInput(h.Coins[0].OutPoint).AddOutput(Money.Coin, h.Node.Wallet.Default).Build(), [h.Coins[0].Coin.Output]);
        AssertAccepted(h, v1);
    }

    [Fact]
    public void Heavier_than_the_standard_weight_is_tx_size()
    {
        var tx = BuildWith(null);
        using var strict = new MempoolHarness(o => o.MaxTransactionWeight = tx.Weight - 1);
        AssertRefused(strict, strict.Spend(strict.Coins[0], 5_000), MempoolRejectCodes.TransactionSize);
        using var exact = new MempoolHarness(o => o.MaxTransactionWeight = tx.Weight);
        AssertAccepted(exact, exact.Spend(exact.Coins[0], 5_000));

        static Transaction BuildWith(Action<MempoolOptions>? configure)
        {
            using var h = new MempoolHarness(configure, fundingBlocks: 1);
            return h.Spend(h.Coins[0], 5_000);
        }
    }

    [Fact]
    public void Below_65_bytes_without_witness_is_tx_size_small()
    {
        using var h = new MempoolHarness();
        // 1 input (41) + one data output: 4 + 1 + 41 + 1 + (8 + 1 + script) + 4 = 60 + script bytes.
        Transaction DataSpend(int dataBytes) => h.Node.Wallet.Sign(
            new TransactionBuilder().AddInput(h.Coins[0].OutPoint).AddOutput(Money.Zero, ScriptPubKey.Data(new byte[dataBytes]).Script).Build(),
            [h.Coins[0].Coin.Output]);
        var small = DataSpend(2); // script 4 bytes: 64 without witness, the size of an inner merkle node
        Assert.Equal(64, small.BaseSize);
        AssertRefused(h, small, MempoolRejectCodes.TransactionSizeSmall);
        var enough = DataSpend(3);
        Assert.Equal(65, enough.BaseSize);
        AssertAccepted(h, enough);
    }

    [Fact]
    public void Output_types_outside_the_standard_list_are_scriptpubkey()
    {
        using var h = new MempoolHarness(o => o.StandardOutputTypes.Remove(OutputTypeId.Data));
        var unsigned = new TransactionBuilder().AddInput(h.Coins[0].OutPoint)
            .AddOutput(Money.Coin, h.Node.Wallet.Default).AddOutput(Money.Zero, ScriptPubKey.Data([1, 2, 3]).Script).Build();
        AssertRefused(h, h.Node.Wallet.Sign(unsigned, [h.Coins[0].Coin.Output]), MempoolRejectCodes.NonStandardScript);
        AssertAccepted(h, h.Spend(h.Coins[0], 5_000));
    }

    [Theory]
    [InlineData(true, 330)]
    [InlineData(false, 294)]
    public void Outputs_worth_less_than_spending_them_are_dust(bool taproot, long threshold)
    {
        using var h = new MempoolHarness();
        var script = taproot ? h.Node.Wallet.TaprootScripts[1] : h.Node.Wallet.WitnessV0Scripts[1];
        Transaction Paying(long value) => h.Node.Wallet.Sign(
            new TransactionBuilder().AddInput(h.Coins[0].OutPoint).AddOutput(new Money(value), script)
                .AddOutput(h.Coins[0].Coin.Output.Value - new Money(value + 5_000), h.Node.Wallet.Default).Build(),
            [h.Coins[0].Coin.Output]);
        AssertRefused(h, Paying(threshold - 1), MempoolRejectCodes.Dust);
        AssertAccepted(h, Paying(threshold));
    }

    [Fact]
    public void The_dust_rule_is_off_at_a_zero_dust_rate()
    {
        using var h = new MempoolHarness(o => o.DustRelayFeeRate = FeeRate.Zero);
        var tx = h.Node.Wallet.Sign(
            new TransactionBuilder().AddInput(h.Coins[0].OutPoint).AddOutput(Money.Atom, h.Node.Wallet.Default)
                .AddOutput(h.Coins[0].Coin.Output.Value - new Money(5_001), h.Node.Wallet.Default).Build(),
            [h.Coins[0].Coin.Output]);
        AssertAccepted(h, tx);
    }

    [Fact]
    public void The_minimum_relay_fee_is_one_atom_per_virtual_byte_and_exactly_enough_passes()
    {
        using var h = new MempoolHarness();
        int size = h.Spend(h.Coins[0], 0).VirtualSize;
        AssertRefused(h, h.Spend(h.Coins[0], size - 1), MempoolRejectCodes.MinRelayFeeNotMet);
        AssertRefused(h, h.Spend(h.Coins[0], 0), MempoolRejectCodes.MinRelayFeeNotMet);
        AssertAccepted(h, h.Spend(h.Coins[0], size));
    }

    [Fact]
    public void The_ancestor_count_limit_counts_the_transaction_itself()
    {
        using var h = new MempoolHarness(o => o.MaxAncestorCount = 3);
        var a = h.Spend(h.Coins[0], 5_000);
        var b = h.Spend(MempoolHarness.CoinOf(a, 0), 5_000);
        var c = h.Spend(MempoolHarness.CoinOf(b, 0), 5_000);
        AssertAccepted(h, a);
        AssertAccepted(h, b);
        AssertAccepted(h, c);
        Assert.True(h.Pool.TryGetEntry(c.Txid, out var entry));
        Assert.Equal(3, entry.AncestorCount);
        AssertRefused(h, h.Spend(MempoolHarness.CoinOf(c, 0), 5_000), MempoolRejectCodes.TooLongMempoolChain);
    }

    [Fact]
    public void The_descendant_count_limit_protects_every_ancestor()
    {
        using var h = new MempoolHarness(o => o.MaxDescendantCount = 2);
        var parent = h.Spend(h.Coins[0], 5_000, outputs: 2);
        AssertAccepted(h, parent);
        AssertAccepted(h, h.Spend(MempoolHarness.CoinOf(parent, 0), 5_000));
        AssertRefused(h, h.Spend(MempoolHarness.CoinOf(parent, 1), 5_000), MempoolRejectCodes.TooLongMempoolChain);
        Assert.True(h.Pool.TryGetEntry(parent.Txid, out var entry));
        Assert.Equal(2, entry.DescendantCount);
    }

    [Fact]
    public void The_ancestor_size_limit_applies_in_virtual_bytes()
    {
        using var h = new MempoolHarness();
        var a = h.Spend(h.Coins[0], 5_000);
        int size = a.VirtualSize;
        using var limited = new MempoolHarness(o => { o.MaxAncestorVirtualSize = 2 * size; o.MaxTransactionWeight = 4 * size; });
        var first = limited.Spend(limited.Coins[0], 5_000);
        AssertAccepted(limited, first);
        var second = limited.Spend(MempoolHarness.CoinOf(first, 0), 5_000);
        AssertAccepted(limited, second);
        AssertRefused(limited, limited.Spend(MempoolHarness.CoinOf(second, 0), 5_000), MempoolRejectCodes.TooLongMempoolChain);
    }

    [Fact]
    public void Spending_an_immature_coinbase_is_refused_without_blaming_the_sender()
    {
        using var h = new MempoolHarness(parameters: MempoolHarness.FastRegtest with { CoinbaseMaturity = 3 });
        var tip = h.Node.State.CopyCoins().Single(c => c.Value.IsCoinbase && c.Value.Height == h.Chain.Tip.Height);
        AssertRefused(h, h.Spend((tip.Key, tip.Value), 5_000), RejectReasons.PrematureCoinbaseSpend.Code, consensus: false);
        AssertAccepted(h, h.Spend(h.Coins[0], 5_000));
    }
}
