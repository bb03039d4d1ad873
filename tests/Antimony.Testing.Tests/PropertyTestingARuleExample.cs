using Antimony.Primitives.Amounts;
using Antimony.Testing.Chains;
using Antimony.Testing.Generators;

namespace Antimony.Testing.Tests;

/// <summary>
/// How to property-test a consensus rule with Antimony.Testing: take any valid chain (with forks and spends) from
/// <see cref="AntimonyGen.ChainScenarios"/>, load it into a <see cref="ChainHarness"/>, break one thing with the
/// <see cref="ChainBuilder"/>, and state what must hold. The rule here: a coinbase may claim at most the block's
/// subsidy plus its transactions' fees.
/// </summary>
public class PropertyTestingARuleExample
{
    private static readonly Arbitrary<Money> Excess = AntimonyGen.MoneyUpTo(1_000 * Money.AtomsPerCoin).Select(m => m + Money.Atom).ToArbitrary();

    [Property(MaxTest = 20)]
    public Property A_coinbase_paying_more_than_subsidy_plus_fees_is_rejected_and_the_chain_state_is_unchanged() =>
        Prop.ForAll(AntimonyGen.ChainScenarios(withSpends: true).ToArbitrary(), Excess, (scenario, excess) =>
        {
            using var node = new ChainHarness(scenario.Parameters);
            node.SubmitAll(scenario.BlocksInOrder);
            var before = node.Fingerprint();

            using var builder = scenario.Continue();          // holds the keys that own the scenario's coins
            var tip = scenario.ExpectedTip;
            var block = builder.MakeBlockWithOverpayingCoinbase(tip, builder.Spends(tip, 2), excess);
            var result = node.Submit(block);

            return (result.Code == "bad-cb-amount").Label($"rejected with {result.Code}")
                .And(node.Fingerprint().Equals(before)).Label("tip and UTXO set unchanged");
        });

    [Property(MaxTest = 20)]
    public Property The_same_block_paying_exactly_subsidy_plus_fees_is_accepted() =>
        Prop.ForAll(AntimonyGen.ChainScenarios(withSpends: true).ToArbitrary(), scenario =>
        {
            using var node = new ChainHarness(scenario.Parameters);
            node.SubmitAll(scenario.BlocksInOrder);

            using var builder = scenario.Continue();          // holds the keys that own the scenario's coins
            var block = builder.MakeBlock(scenario.ExpectedTip, builder.Spends(scenario.ExpectedTip, 2));
            return node.Submit(block).Acceptance == Consensus.Chain.BlockAcceptance.Active;
        });
}
