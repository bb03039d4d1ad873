using Antimony.Primitives.Blocks;
using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;
using NB = NBitcoin;

namespace Antimony.Primitives.Tests.Blocks;

public class BlockRoundTripTests
{
    [Property(MaxTest = 200)]
    public Property Serialize_then_parse_gives_the_same_bytes_header_transactions_and_sizes() =>
        Prop.ForAll(BlockGen.Arbitrary, block =>
        {
            byte[] bytes = block.ToBytes();
            var parsed = Block.Parse(bytes);
            return (parsed.Header == block.Header && parsed.Hash == block.Hash
                    && parsed.Transactions.Select(t => t.Wtxid).SequenceEqual(block.Transactions.Select(t => t.Wtxid))
                    && parsed.ToBytes().AsSpan().SequenceEqual(bytes)
                    && parsed.SerializedSize == bytes.Length && parsed.Weight == block.Weight
                    && parsed.HasValidMerkleRoot())
                .Label(block.ToString());
        });

    [Property(MaxTest = 100)]
    public Property NBitcoin_reads_our_blocks_the_same_way() =>
        Prop.ForAll(BlockGen.Arbitrary, block =>
        {
            var theirs = NB.Block.Load(block.ToBytes(), NB.Network.Main);
            return (theirs.GetHash().ToString() == block.Hash.ToString()
                    && theirs.GetMerkleRoot().Hash.ToString() == block.Header.MerkleRoot.ToString()
                    && theirs.Transactions.Select(t => t.GetWitHash().ToString()).SequenceEqual(block.Transactions.Select(t => t.Wtxid.ToString()))
                    && theirs.GetWeight() == block.Weight)
                .Label(block.ToString());
        });

    [Property(MaxTest = 100)]
    public Property Every_truncation_fails_as_truncated_and_trailing_bytes_as_trailing_data() =>
        Prop.ForAll(BlockGen.Arbitrary, block =>
        {
            byte[] bytes = block.ToBytes();
            for (int length = 0; length < bytes.Length; length++)
            {
                if (Block.TryParse(bytes.AsSpan(0, length), out _, out var error) || error != DecodeError.Truncated)
                    return false.Label($"prefix {length} of {bytes.Length}: {error}");
            }
            bool trailing = !Block.TryParse([.. bytes, 0], out _, out var trailingError) && trailingError == DecodeError.TrailingData;
            return trailing.Label("trailing byte");
        });

    [Property(MaxTest = 100)]
    public Property Duplicating_the_last_transaction_keeps_the_merkle_root_but_marks_the_block_mutated() =>
        Prop.ForAll(BlockGen.Arbitrary, block =>
        {
            var transactions = block.Transactions;
            if (transactions.Length % 2 == 0 || transactions.Length == 1)
                return true.ToProperty(); // an even list has no duplicated last leaf on level 0; a single leaf is the root
            var forged = new Block(block.Header, transactions.Add(transactions[^1]));
            var root = forged.ComputeMerkleRoot(out bool mutated);
            return (root == block.Header.MerkleRoot && mutated && !forged.HasValidMerkleRoot() && block.HasValidMerkleRoot()).ToProperty();
        });

    [Theory]
    [InlineData("ffffffffffffffffff", DecodeError.Oversized)] // 2^64-1 transactions
    [InlineData("fe00000002", DecodeError.Truncated)]   // 32 MiB transactions, nothing after them
    [InlineData("00", DecodeError.None)]                 // an empty block still parses (consensus rejects it)
    public void Absurd_transaction_counts_are_rejected_before_allocation(string countHex, DecodeError expected)
    {
        byte[] bytes = [.. new byte[BlockHeader.Size], .. Convert.FromHexString(countHex)];
        Block.TryParse(bytes, out _, out var error);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_header_is_exactly_eighty_bytes()
    {
        Assert.Equal(DecodeError.Truncated, Assert.Throws<DecodeException>(() => BlockHeader.Parse(new byte[79])).Error);
        Assert.Equal(DecodeError.TrailingData, Assert.Throws<DecodeException>(() => BlockHeader.Parse(new byte[81])).Error);
    }

    [Fact]
    public void Block_builder_puts_the_merkle_root_of_its_transactions_in_the_header()
    {
        var coinbase = BlockGen.Coinbase.Sample(1, 1)[0];
        var block = new BlockBuilder { Time = 1, Bits = new Antimony.Primitives.Numerics.CompactTarget(0x207fffff) }.AddTransaction(coinbase).Build();
        Assert.Equal(coinbase.Txid.Value, block.Header.MerkleRoot);
        Assert.Equal(0x207fffffu, block.Header.Bits.Value);
        Assert.Same(coinbase, Assert.Single(block.Transactions));
    }
}
