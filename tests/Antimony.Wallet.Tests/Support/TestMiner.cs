using System.Collections.Immutable;
using Antimony.Consensus.Chain;
using Antimony.Consensus.Coinbase;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;
using Antimony.Testing.Chains;

namespace Antimony.Wallet.Tests.Support;

/// <summary>
/// Makes valid regtest blocks on any entry of a harness's chain whose coinbase pays a chosen script (the testing
/// kit's builder pays its own keyring), and submits them. Fees are left unclaimed, which is valid.
/// </summary>
internal sealed class TestMiner(ChainHarness harness)
{
    private uint _extraNonce;

    public ChainState Chain => harness.Chain;

    /// <summary>Mines one block on <paramref name="parent"/> (the tip by default) and asserts it was accepted.</summary>
    public ChainEntry Mine(Script payTo, IReadOnlyList<Transaction>? transactions = null, ChainEntry? parent = null)
    {
        parent ??= harness.Chain.Tip;
        var block = Make(parent, payTo, transactions ?? []);
        var result = harness.Submit(block);
        Assert.True(result.Acceptance != BlockAcceptance.Rejected, $"block refused: {result}");
        Assert.True(harness.Chain.TryGetEntry(block.Hash, out var entry));
        return entry;
    }

    /// <summary>Mines <paramref name="count"/> blocks in a row; returns the last entry.</summary>
    public ChainEntry MineMany(int count, Script payTo, ChainEntry? parent = null)
    {
        var entry = parent ?? harness.Chain.Tip;
        for (int i = 0; i < count; i++)
            entry = Mine(payTo, null, entry);
        return entry;
    }

    private Block Make(ChainEntry parent, Script payTo, IReadOnlyList<Transaction> transactions)
    {
        int height = parent.Height + 1;
        bool witness = transactions.Any(t => t.HasWitness);
        uint extra = ++_extraNonce;
        byte[] scriptSig = [.. CoinbaseHeight.Encode(height), 0x04, (byte)extra, (byte)(extra >> 8), (byte)(extra >> 16), (byte)(extra >> 24)];
        var coinbase = new TransactionBuilder()
            .AddInput(new TxIn(OutPoint.Null, new Script(scriptSig), TxIn.SequenceFinal, witness ? new Witness(Hash256.Zero.ToArray()) : Witness.Empty))
            .AddOutput(harness.Chain.Parameters.GetBlockSubsidy(height), payTo);
        var all = ImmutableArray.CreateBuilder<Transaction>();
        all.Add(coinbase.Build());
        all.AddRange(transactions);
        if (witness)
        {
            var commitment = WitnessCommitment.Compute(new Block(default, all.ToImmutable()), Hash256.Zero);
            all[0] = coinbase.AddOutput(commitment.ToOutput()).Build();
        }
        var draft = new Block(default, all.ToImmutable());
        var header = new BlockHeader(0x20000000, parent.Hash, draft.ComputeMerkleRoot(out _),
            parent.Header.Time + (uint)harness.Chain.Parameters.TargetSpacing.TotalSeconds, harness.Chain.Parameters.PowLimitBits, 0);
        return new Block(ChainBuilder.Mine(header), draft.Transactions);
    }
}
