using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Parameters;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Numerics;

namespace Antimony.Consensus.Tests.Parameters;

public sealed class ChainParametersTests
{
    public static TheoryData<string, string, string> PinnedGenesis => new()
    {
        { "mainnet", "000000248bd9159206562c6512d22c5c8a9d1da1423ad928f55e6678c02119d9", "96187ec41e60036cb3f419615b164f3c3a02cd5bf762ff969992193854021b85" },
        { "testnet", "0000003c3c93abe5087bbaa7b9a50785a0629dc51a193a56b1083fb3a48b64eb", "0efeed97daecdf90a24fe9b4f10b031d7989b9762ed06b53e3ae96c7dcaa9870" },
        { "regtest", "7ab469b622b2b2c3a2433bced4a293202b2a7d2e43757c4947bfee07a890d9d8", "a85bc992b27f7818aa82ab259b6518b8c6fc7eb5d8fe8d308be68c2892ed4211" },
        { "devnet", "00000006fa85d0ccbc5d70102c93190e516deb4016e3430cc826ff472e652398", "5092962d7cc1dc2a6ffca422e693a80779a39ca1a13f34113ae56ab3de2aa685" },
    };

    private static ChainParameters ByName(string name) => name switch
    {
        "mainnet" => ChainParameters.Mainnet,
        "testnet" => ChainParameters.Testnet,
        "regtest" => ChainParameters.Regtest,
        _ => ChainParameters.Devnet,
    };

    [Theory]
    [MemberData(nameof(PinnedGenesis))]
    public void Building_the_genesis_block_reproduces_the_pinned_hash_and_meets_its_target(string network, string hash, string merkleRoot)
    {
        var parameters = ByName(network);
        var genesis = parameters.CreateGenesisBlock();
        Assert.Equal(network, parameters.Name);
        Assert.Equal(hash, genesis.Hash.ToString());
        Assert.Equal(merkleRoot, genesis.Header.MerkleRoot.ToString());
        Assert.Equal(genesis.ComputeMerkleRoot(out _), genesis.Header.MerkleRoot);
        Assert.True(genesis.Header.Bits.IsMetBy(genesis.Hash));
        Assert.Equal(parameters.PowLimitBits, genesis.Header.Bits);
        Assert.True(genesis.Transactions[0].IsCoinbase);
        Assert.Equal(Money.Zero, genesis.Transactions[0].Outputs[0].Value);
    }

    [Fact]
    public void Networks_differ_only_where_protocol_md_says()
    {
        Assert.Equal(TimeSpan.FromSeconds(12), ChainParameters.Mainnet.TargetSpacing);
        Assert.Equal(Money.FromCoins(50), ChainParameters.Mainnet.InitialSubsidy);
        Assert.Equal(10_512_000, ChainParameters.Mainnet.SubsidyHalvingInterval);
        Assert.Equal(10_512_000, ChainParameters.Devnet.SubsidyHalvingInterval);
        Assert.Equal(150, ChainParameters.Regtest.SubsidyHalvingInterval);
        Assert.Equal(100, ChainParameters.Mainnet.CoinbaseMaturity);
        Assert.Equal(100, ChainParameters.Regtest.CoinbaseMaturity);
        Assert.Equal(10, ChainParameters.Devnet.CoinbaseMaturity);
        Assert.Equal(4_000_000, ChainParameters.Testnet.MaxBlockWeight);
        Assert.Equal(32_000_000, ChainParameters.Devnet.MaxBlockWeight);
        Assert.Equal(11, ChainParameters.Mainnet.MedianTimeSpan);
        Assert.Equal(TimeSpan.FromSeconds(180), ChainParameters.Mainnet.MaxFutureBlockTime);
        Assert.Equal(60, ChainParameters.Mainnet.LwmaWindow);
        Assert.Equal(DifficultyAdjustment.Lwma1, ChainParameters.Devnet.DifficultyAdjustment);
        Assert.Equal(DifficultyAdjustment.None, ChainParameters.Regtest.DifficultyAdjustment);
        Assert.Equal("atmn", ChainParameters.Mainnet.Network.Bech32Hrp);
        Assert.Equal("ratmn", ChainParameters.Devnet.Network.Bech32Hrp);
    }

    [Fact]
    public void Proof_of_work_limits_are_about_two_to_the_231_and_trivial_on_regtest()
    {
        Assert.Equal(UInt256.One << 231, ChainParameters.Mainnet.PowLimit);
        Assert.Equal(ChainParameters.Mainnet.PowLimit, ChainParameters.Devnet.PowLimit);
        // 2^256 / (2^231 + 1): just under 2^25 hashes a block on the standard networks; about 2 on regtest.
        Assert.Equal((UInt256.One << 25) - UInt256.One, new CompactTarget(ChainParameters.StandardPowLimitBits).GetWork());
        Assert.Equal(new UInt256(2), new CompactTarget(ChainParameters.RegtestPowLimitBits).GetWork());
    }

    [Theory]
    [InlineData(0, 50_00000000L)]
    [InlineData(10_511_999, 50_00000000L)]
    [InlineData(10_512_000, 25_00000000L)]
    [InlineData(21_024_000, 12_50000000L)]
    [InlineData(10_512_000 * 33, 0L)]
    public void Mainnet_subsidy_halves_every_10_512_000_blocks(int height, long atoms) =>
        Assert.Equal(new Money(atoms), ChainParameters.Mainnet.GetBlockSubsidy(height));

    [Fact]
    public void Regtest_subsidy_halves_every_150_blocks_and_ends_after_64_halvings()
    {
        Assert.Equal(Money.FromCoins(50), ChainParameters.Regtest.GetBlockSubsidy(149));
        Assert.Equal(Money.FromCoins(25), ChainParameters.Regtest.GetBlockSubsidy(150));
        Assert.Equal(Money.Zero, ChainParameters.Regtest.GetBlockSubsidy(150 * 64));
    }

    [Fact]
    public void The_whole_mainnet_emission_stays_within_max_money()
    {
        var p = ChainParameters.Mainnet;
        long total = 0;
        for (int era = 0; era < 64; era++)
            total += p.GetBlockSubsidy(era * p.SubsidyHalvingInterval).Atoms * p.SubsidyHalvingInterval;
        Assert.True(total <= Money.MaxValue.Atoms);
        Assert.True(total > Money.MaxValue.Atoms - Money.FromCoins(1_000).Atoms);
    }

    [Fact]
    public void A_custom_network_is_a_with_expression()
    {
        var custom = ChainParameters.Regtest with { CoinbaseMaturity = 5, MaxBlockWeight = 100_000 };
        Assert.Equal(5, custom.CoinbaseMaturity);
        Assert.Equal(ChainParameters.Regtest.CreateGenesisBlock().Hash, custom.CreateGenesisBlock().Hash);
        Assert.Equal(100, ChainParameters.Regtest.CoinbaseMaturity);
    }
}
