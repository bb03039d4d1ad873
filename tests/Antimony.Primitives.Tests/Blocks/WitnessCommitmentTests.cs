using Antimony.Primitives.Amounts;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Scripts;
using Antimony.Primitives.Transactions;

namespace Antimony.Primitives.Tests.Blocks;

public class WitnessCommitmentTests
{
    private static readonly Arbitrary<BlockBuilder> SegwitBlocks = Arb.From(BlockGen.Builder(withWitness: true));

    [Property(MaxTest = 200)]
    public Property A_committed_block_checks_valid_before_and_after_a_round_trip() =>
        Prop.ForAll(SegwitBlocks, Arb.From(Gen.Choose(0, 255)), (builder, fill) =>
        {
            var block = builder.CommitWitnesses(BlockGen.Reserved((byte)fill)).Build();
            var parsed = Block.Parse(block.ToBytes());
            var coinbase = parsed.Transactions[0];
            var last = coinbase.Outputs[^1];
            return (WitnessCommitment.Check(block) == WitnessCommitmentStatus.Valid
                    && WitnessCommitment.Check(parsed) == WitnessCommitmentStatus.Valid
                    && parsed.HasValidMerkleRoot()
                    && WitnessCommitment.FindOutputIndex(coinbase) == coinbase.Outputs.Length - 1
                    && last.ScriptPubKey.Length == WitnessCommitment.ScriptLength && last.Value == Money.Zero
                    && WitnessCommitment.TryGetReservedValue(coinbase, out var reserved) && reserved == BlockGen.Reserved((byte)fill))
                .Label(block.ToString());
        });

    [Property(MaxTest = 200)]
    public Property The_commitment_is_SHA256d_of_the_witness_root_and_the_reserved_value() =>
        Prop.ForAll(SegwitBlocks, builder =>
        {
            var block = builder.CommitWitnesses().Build();
            // Reference: wtxids with the coinbase's as zero, Bitcoin's merkle tree, then hash root || 32 zero bytes.
            var leaves = block.Transactions.Select((t, i) => i == 0 ? Hash256.Zero : t.Wtxid.Value).ToArray();
            var expected = Sha256d.Hash([.. MerkleTree.ComputeRoot(leaves).ToArray(), .. new byte[32]]);
            Assert.True(WitnessCommitment.TryFind(block.Transactions[0], out var found));
            var script = block.Transactions[0].Outputs[^1].ScriptPubKey.Span;
            return (found.Value == expected && script[..6].SequenceEqual(WitnessCommitment.ScriptPrefix) && script[6..].SequenceEqual(expected.ToArray()))
                .ToProperty();
        });

    [Property(MaxTest = 100)]
    public Property Changing_any_witness_breaks_the_commitment_but_not_the_merkle_root() =>
        Prop.ForAll(SegwitBlocks, builder =>
        {
            var block = builder.CommitWitnesses().Build();
            int victim = Enumerable.Range(1, block.Transactions.Length - 1).FirstOrDefault(i => block.Transactions[i].HasWitness);
            if (victim == 0)
                return true.ToProperty();
            var tampered = block.Transactions[victim].ToBuilder().SetWitness(0, new Witness(new byte[] { 0x42 })).Build();
            var forged = new Block(block.Header, block.Transactions.SetItem(victim, tampered));
            return (forged.HasValidMerkleRoot() && WitnessCommitment.Check(forged) == WitnessCommitmentStatus.Mismatch).ToProperty();
        });

    [Fact]
    public void Witness_data_without_a_commitment_is_missing_and_a_bad_reserved_value_is_reported()
    {
        var builder = BlockGen.Builder(withWitness: true).Where(b => b.Transactions.Skip(1).Any(t => t.HasWitness)).Sample(1, 1)[0];
        Assert.Equal(WitnessCommitmentStatus.Missing, WitnessCommitment.Check(builder.Build()));

        var committed = builder.CommitWitnesses().Build();
        var coinbase = committed.Transactions[0].ToBuilder().SetWitness(0, Witness.Empty).Build();
        Assert.Equal(WitnessCommitmentStatus.BadReservedValue, WitnessCommitment.Check(new Block(committed.Header, committed.Transactions.SetItem(0, coinbase))));
        var twoItems = committed.Transactions[0].ToBuilder().SetWitness(0, new Witness(new byte[32], new byte[32])).Build();
        Assert.Equal(WitnessCommitmentStatus.BadReservedValue, WitnessCommitment.Check(new Block(committed.Header, committed.Transactions.SetItem(0, twoItems))));
        Assert.Equal(WitnessCommitmentStatus.NoCoinbase, WitnessCommitment.Check(new Block(committed.Header, [])));
    }

    [Fact]
    public void The_last_matching_output_counts_and_short_or_other_scripts_do_not_match()
    {
        var builder = BlockGen.Builder(withWitness: true).Sample(1, 1)[0];
        var block = builder.CommitWitnesses().Build();
        var real = block.Transactions[0].Outputs[^1];
        var bogus = new WitnessCommitment(Sha256d.Hash([1])).ToOutput();

        Block WithOutputs(params TxOut[] outputs)
        {
            var tx = block.Transactions[0];
            var rebuilt = new Transaction(tx.Version, tx.Inputs, [.. outputs], tx.LockTime);
            return new Block(block.Header, block.Transactions.SetItem(0, rebuilt));
        }

        Assert.Equal(WitnessCommitmentStatus.Valid, WitnessCommitment.Check(WithOutputs(bogus, real)));
        Assert.Equal(WitnessCommitmentStatus.Mismatch, WitnessCommitment.Check(WithOutputs(real, bogus)));
        // Longer scripts still match (BIP141: "at least 38 bytes"); a 37-byte one does not.
        var longer = new TxOut(Money.Zero, new Script((byte[])[.. real.ScriptPubKey.Span, 0x00]));
        Assert.Equal(WitnessCommitmentStatus.Valid, WitnessCommitment.Check(WithOutputs(bogus, longer)));
        Assert.False(WitnessCommitment.IsCommitmentScript(real.ScriptPubKey.Span[..37]));
        Assert.False(WitnessCommitment.IsCommitmentScript(Script.FromHex("6a24aa21a9ee" + new string('0', 64)).Span));
    }

    [Fact]
    public void A_coinbase_only_block_commits_to_a_zero_witness_root()
    {
        // One leaf (the coinbase's wtxid, taken as zero) is its own root, so the commitment is SHA256d(64 zero bytes).
        var block = new BlockBuilder().AddTransaction(BlockGen.Coinbase.Sample(1, 1)[0]).CommitWitnesses().Build();
        Assert.Equal(Hash256.Zero, block.ComputeWitnessMerkleRoot());
        Assert.True(WitnessCommitment.TryFind(block.Transactions[0], out var commitment));
        Assert.Equal(Sha256d.Hash(new byte[64]), commitment.Value);
        Assert.Equal(WitnessCommitmentStatus.Valid, WitnessCommitment.Check(block));
    }
}
