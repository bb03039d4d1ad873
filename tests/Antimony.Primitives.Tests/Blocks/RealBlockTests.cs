using System.Numerics;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Tests.Transactions;

namespace Antimony.Primitives.Tests.Blocks;

/// <summary>Real Bitcoin mainnet headers and blocks: they must parse, hash to their known ids and meet their own targets.</summary>
public class RealBlockTests
{
    // Bitcoin's genesis block (chainparams.cpp): header, one transaction (the coinbase).
    private const string GenesisHeaderHex =
        "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c";

    // Block 100000 in full (4 transactions), as used by several public test suites (e.g. electrs, bitcoinj).
    private const string Block100000Hex =
        "0100000050120119172a610421a6c3011dd330d9df07b63616c2cc1f1cd00200000000006657a9252aacd5c0b2940996ecff952228c3067cc38d4885efb5a4ac4247e9f337221b4d4c86041b0f2b57100401000000010000000000000000000000000000000000000000000000000000000000000000ffffffff08044c86041b020602ffffffff0100f2052a010000004341041b0e8c2567c12536aa13357b79a073dc4444acb83c4ec7a0e2f99dd7457516c5817242da796924ca4e99947d087fedf9ce467cb9f7c6287078f801df276fdf84ac000000000100000001032e38e9c0a84c6046d687d10556dcacc41d275ec55fc00779ac88fdf357a187000000008c493046022100c352d3dd993a981beba4a63ad15c209275ca9470abfcd57da93b58e4eb5dce82022100840792bc1f456062819f15d33ee7055cf7b5ee1af1ebcc6028d9cdb1c3af7748014104f46db5e9d61a9dc27b8d64ad23e7383a4e6ca164593c2527c038c0857eb67ee8e825dca65046b82c9331586c82e0fd1f633f25f87c161bc6f8a630121df2b3d3ffffffff0200e32321000000001976a914c398efa9c392ba6013c5e04ee729755ef7f58b3288ac000fe208010000001976a914948c765a6914d43f2a7ac177da2c2f6b52de3d7c88ac000000000100000001c33ebff2a709f13d9f9a7569ab16a32786af7d7e2de09265e41c61d078294ecf010000008a4730440220032d30df5ee6f57fa46cddb5eb8d0d9fe8de6b342d27942ae90a3231e0ba333e02203deee8060fdc70230a7f5b4ad7d7bc3e628cbe219a886b84269eaeb81e26b4fe014104ae31c31bf91278d99b8377a35bbce5b27d9fff15456839e919453fc7b3f721f0ba403ff96c9deeb680e5fd341c0fc3a7b90da4631ee39560639db462e9cb850fffffffff0240420f00000000001976a914b0dcbf97eabf4404e31d952477ce822dadbe7e1088acc060d211000000001976a9146b1281eec25ab4e1e0793ff4e08ab1abb3409cd988ac0000000001000000010b6072b386d4a773235237f64c1126ac3b240c84b917a3909ba1c43ded5f51f4000000008c493046022100bb1ad26df930a51cce110cf44f7a48c3c561fd977500b1ae5d6b6fd13d0b3f4a022100c5b42951acedff14abba2736fd574bdb465f3e6f8da12e2c5303954aca7f78f3014104a7135bfe824c97ecc01ec7d7e336185c81e2aa2c41ab175407c09484ce9694b44953fcb751206564a9c24dd094d42fdbfdd5aad3e063ce6af4cfaaea4ea14fbbffffffff0140420f00000000001976a91439aa3d569e06a1d7926dc4be1193c99bf2eb9ee088ac00000000";

    [Theory]
    // Genesis (height 0).
    [InlineData(GenesisHeaderHex, "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", 1, 1231006505u, 0x1d00ffffu, 2083236893u)]
    // Height 1: its previous block is the genesis block.
    [InlineData("010000006fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000982051fd1e4ba744bbbe680e1fee14677ba1a3c3540bf7b1cdb606e857233e0e61bc6649ffff001d01e36299",
        "00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048", 1, 1231469665u, 0x1d00ffffu, 2573394689u)]
    // Height 100000.
    [InlineData("0100000050120119172a610421a6c3011dd330d9df07b63616c2cc1f1cd00200000000006657a9252aacd5c0b2940996ecff952228c3067cc38d4885efb5a4ac4247e9f337221b4d4c86041b0f2b5710",
        "000000000003ba27aa200b1cecaad478d2b00432346c3f1f3986da1afd33e506", 1, 1293623863u, 0x1b04864cu, 274148111u)]
    // Height 794143 (2023): a BIP9 version and a far smaller target.
    [InlineData("000080200e102b98a160f4416c8ff0198db9b177523525c9de8a000000000000000000003b9b941003024e1afa90199732fdb1366a122ab0a5cacd3f7bcb8cb8815a811b560e8864697e051767c0c9fd",
        "0000000000000000000293bf6e86820d867cc4ca13cd98326af85bb3bebab9ac", 0x20800000, 1686638166u, 0x17057e69u, 4257857639u)]
    public void Real_headers_parse_hash_to_their_ids_and_meet_their_targets(string hex, string id, int version, uint time, uint bits, uint nonce)
    {
        byte[] bytes = Convert.FromHexString(hex);
        var header = BlockHeader.Parse(bytes);
        Assert.Equal(id, header.Hash.ToString());
        Assert.Equal(version, header.Version);
        Assert.Equal(time, header.Time);
        Assert.Equal(bits, header.Bits.Value);
        Assert.Equal(nonce, header.Nonce);
        Assert.Equal(bytes, header.ToBytes());
        Assert.True(HashValue(header) <= Target(header.Bits.Value), "the header's hash must not exceed the target its bits encode");
        Assert.True(header.Bits.IsMetBy(header.Hash));
    }

    [Fact]
    public void Block_1_builds_on_the_genesis_block()
    {
        var block1 = BlockHeader.Parse(Convert.FromHexString(
            "010000006fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000982051fd1e4ba744bbbe680e1fee14677ba1a3c3540bf7b1cdb606e857233e0e61bc6649ffff001d01e36299"));
        Assert.Equal(BlockHeader.Parse(Convert.FromHexString(GenesisHeaderHex)).Hash, block1.PreviousBlock);
    }

    [Fact]
    public void The_full_genesis_block_parses_round_trips_and_has_a_valid_merkle_root()
    {
        string hex = GenesisHeaderHex + "01" + RealTransactionTests.GenesisCoinbaseHex;
        var block = Block.Parse(Convert.FromHexString(hex));
        Assert.Equal("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f", block.Hash.ToString());
        Assert.Equal(hex, Convert.ToHexStringLower(block.ToBytes()));
        Assert.Equal(285, block.SerializedSize);
        Assert.Equal("4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b", block.ComputeMerkleRoot(out bool mutated).ToString());
        Assert.False(mutated);
        Assert.True(block.HasValidMerkleRoot());
        Assert.True(block.Transactions[0].IsCoinbase);
        Assert.Equal(WitnessCommitmentStatus.NotRequired, WitnessCommitment.Check(block));
    }

    [Fact]
    public void Block_100000_parses_round_trips_and_its_four_transactions_give_its_merkle_root()
    {
        var block = Block.Parse(Convert.FromHexString(Block100000Hex));
        Assert.Equal("000000000003ba27aa200b1cecaad478d2b00432346c3f1f3986da1afd33e506", block.Hash.ToString());
        Assert.Equal(Block100000Hex, Convert.ToHexStringLower(block.ToBytes()));
        Assert.Equal(4, block.Transactions.Length);
        Assert.Equal("f3e94742aca4b5ef85488dc37c06c3282295ffec960994b2c0d5ac2a25a95766", block.Header.MerkleRoot.ToString());
        Assert.True(block.HasValidMerkleRoot());
        Assert.Equal(block.SerializedSize * 4, block.Weight);
        // Cross-check with NBitcoin's reading of the same bytes.
        var theirs = NBitcoin.Block.Parse(Block100000Hex, NBitcoin.Network.Main);
        Assert.Equal(theirs.Transactions.Select(t => t.GetHash().ToString()), block.Transactions.Select(t => t.Txid.ToString()));
    }

    [Fact]
    public void Any_truncation_of_block_100000_fails_as_truncated()
    {
        byte[] bytes = Convert.FromHexString(Block100000Hex);
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.False(Block.TryParse(bytes.AsSpan(0, length), out _, out var error));
            Assert.Equal(Antimony.Primitives.Serialization.DecodeError.Truncated, error);
        }
    }

    /// <summary>The hash as the 256-bit number Bitcoin compares with the target (internal bytes are little-endian).</summary>
    internal static BigInteger HashValue(BlockHeader header) =>
        new(header.Hash.Value.ToArray(), isUnsigned: true, isBigEndian: false);

    /// <summary>Bitcoin's compact target: mantissa × 256^(exponent − 3), for the positive, non-overflowing bits real blocks use.</summary>
    internal static BigInteger Target(uint bits)
    {
        int exponent = (int)(bits >> 24);
        var mantissa = new BigInteger(bits & 0x007f_ffff);
        return exponent >= 3 ? mantissa << (8 * (exponent - 3)) : mantissa >> (8 * (3 - exponent));
    }
}
