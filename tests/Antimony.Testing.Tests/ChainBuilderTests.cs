using Antimony.Consensus.Chain;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Parameters;
using Antimony.Testing.Chains;
using Antimony.Testing.Generators;

namespace Antimony.Testing.Tests;

/// <summary>The kit itself: what the builder makes, a real chain state accepts, and forks end where the scenario says.</summary>
public class ChainBuilderTests
{
    [Property(MaxTest = 30)]
    public Property Every_block_of_a_scenario_is_accepted_and_the_expected_tip_wins() =>
        Prop.ForAll(AntimonyArb.ChainScenario(), scenario =>
        {
            using var node = new ChainHarness(scenario.Parameters);
            var results = scenario.BlocksInOrder.Select(node.Submit).ToList();
            return results.All(r => r.Acceptance != BlockAcceptance.Rejected).Label($"all accepted: {string.Join(", ", results)}")
                .And(node.Chain.Tip.Hash == scenario.ExpectedTip.Hash).Label($"tip {node.Chain.Tip} expected {scenario.ExpectedTip}");
        });

    [Property(MaxTest = 15)]
    public Property Reorganizations_leave_exactly_the_winning_branchs_coins() =>
        Prop.ForAll(AntimonyGen.ChainScenarios(maxSegments: 5, withSpends: true).ToArbitrary(), scenario =>
        {
            using var node = new ChainHarness(scenario.Parameters);
            var last = node.SubmitAll(scenario.BlocksInOrder);
            var coins = node.Store.CopyCoins();
            var expected = scenario.ExpectedTip.Coins;
            return (last.Acceptance != BlockAcceptance.Rejected).Label($"last result {last}")
                .And(node.Chain.Tip.Hash == scenario.ExpectedTip.Hash).Label("tip")
                .And(coins.Count == expected.Count && coins.All(c => expected.TryGetValue(c.Key, out var coin) && coin == c.Value))
                .Label($"UTXO set: node {coins.Count}, builder {expected.Count}");
        });

    [Fact]
    public void A_longer_fork_reorganizes_and_a_shorter_one_does_not()
    {
        using var builder = new ChainBuilder(seed: 3);
        var fork = builder.AddBlocks(5);
        var main = builder.AddBlocks(2, fork);
        var side = builder.AddBlocks(2, fork);
        using var node = new ChainHarness();
        node.SubmitBranch(main);
        Assert.Equal(BlockAcceptance.SideChain, node.SubmitBranch(side).Acceptance);
        Assert.Equal(main.Hash, node.Chain.Tip.Hash);

        var longer = builder.AddBlock(side);
        Assert.Equal(BlockAcceptance.Active, node.Submit(longer.Block).Acceptance);
        Assert.Equal(longer.Hash, node.Chain.Tip.Hash);
        Assert.False(node.Chain.IsActive(node.Chain.TryGetEntry(main.Hash, out var entry) ? entry : throw new InvalidOperationException()));
    }

    [Fact]
    public void Spends_of_mature_coinbases_are_accepted_with_their_signatures_verified()
    {
        using var builder = new ChainBuilder(seed: 5);
        var funded = builder.AddBlocks(builder.Parameters.CoinbaseMaturity + 1, coinbaseOutputs: 10);
        Assert.Empty(builder.SpendableCoins(builder.AddBlocks(0, builder.Genesis)));
        var spends = builder.Spends(funded, 10);
        var block = builder.AddBlock(funded, spends);
        var chained = builder.AddBlock(block, builder.Spends(block, 5));

        using var node = new ChainHarness();
        var result = node.SubmitBranch(chained);
        Assert.Equal(BlockAcceptance.Active, result.Acceptance);
        Assert.All(spends, s => Assert.True(s.HasWitness));
    }

    [Fact]
    public void Invalid_variants_are_rejected_with_their_codes_and_change_nothing()
    {
        using var builder = new ChainBuilder(seed: 9);
        var tip = builder.AddBlocks(builder.Parameters.CoinbaseMaturity + 1);
        using var node = new ChainHarness();
        node.SubmitBranch(tip);
        var before = node.Fingerprint();

        Assert.Equal("bad-txnmrklroot", node.Submit(builder.MakeBlockWithBadMerkleRoot(tip)).Code);
        Assert.Equal("bad-cb-amount", node.Submit(builder.MakeBlockWithOverpayingCoinbase(tip)).Code);
        Assert.Equal("bad-txns-inputs-missingorspent", node.Submit(builder.MakeBlockWithDoubleSpend(tip)).Code);
        Assert.Equal(before, node.Fingerprint());
    }

    [Fact]
    public void The_same_seed_makes_the_same_chain_and_another_seed_another()
    {
        static IEnumerable<string> Chain(int seed)
        {
            using var builder = new ChainBuilder(seed: seed);
            var tip = builder.AddBlocks(builder.Parameters.CoinbaseMaturity + 1, coinbaseOutputs: 3);
            tip = builder.AddBlock(tip, builder.Spends(tip, 3));
            for (var block = tip; block is not null; block = block.Parent)
                yield return block.Hash.ToString();
        }

        Assert.Equal(Chain(1), Chain(1));
        Assert.NotEqual(Chain(1).First(), Chain(2).First());
    }

    [Fact]
    public void A_retargeting_network_with_a_trivial_limit_gets_the_bits_its_algorithm_requires()
    {
        var parameters = ChainParameters.Regtest with { DifficultyAdjustment = DifficultyAdjustment.Lwma1 };
        using var builder = new ChainBuilder(parameters, seed: 4);
        var tip = builder.AddBlocks(80);
        using var node = new ChainHarness(parameters);
        Assert.Equal(BlockAcceptance.Active, node.SubmitBranch(tip).Acceptance);
        Assert.Equal(tip.Hash, node.Chain.Tip.Hash);
    }
}
