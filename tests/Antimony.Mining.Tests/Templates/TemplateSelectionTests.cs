using Antimony.Consensus.Chain;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Mempool;
using Antimony.Consensus.Parameters;
using Antimony.Mining.Templates;
using Antimony.Mining.Tests.Support;
using Antimony.Primitives.Amounts;
using Antimony.Primitives.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Mining.Tests.Templates;

/// <summary>Templates from a real mempool: package fee-rate order (CPFP), the weight limit, and subsidy plus fees.</summary>
public sealed class TemplateSelectionTests : IAsyncLifetime
{
    // Regtest with coinbases spendable after one block, so a few mined blocks fund the test transactions.
    private static readonly ChainParameters Network = ChainParameters.Regtest with { CoinbaseMaturity = 1 };

    private readonly TestKey _key = new(5);
    private TestNode _node = null!;

    public Task InitializeAsync()
    {
        _node = TestNode.Create(Network, o => { o.Address = _key.AddressFor(Network.Network); o.StartOnLaunch = false; });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Packages_are_taken_by_fee_rate_with_cpfp_within_the_weight_limit_and_the_coinbase_claims_exactly_subsidy_plus_fees()
    {
        var coinbases = new List<Transaction>();
        for (int i = 0; i < 4; i++)
        {
            var funding = TemplateSolver.Solve(_node.Assembler.Create(_node.Chain.Tip));
            Assert.Equal(BlockAcceptance.Active, (await _node.Chain.ProcessBlockAsync(funding)).Acceptance);
            coinbases.Add(funding.Transactions[0]);
        }

        // Ten outputs each, so a transaction weighs ~2,000 and four exceed the 4,000 floor of MaxBlockWeight.
        // Rates (atoms/vB, vsize ~480): A ~4, B ~21, C ~1.25 alone, but its child D pays ~125, so the C+D package ~63.
        var a = Spend(coinbases[0], 2_000);
        var b = Spend(coinbases[1], 10_000);
        var c = Spend(coinbases[2], 600);
        var d = _key.Spend([TestKey.Output(c, 0)], c.Outputs[0].Value - new Money(60_000), 10);
        foreach (var transaction in new[] { a, b, c, d })
        {
            var accepted = _node.Pool.Accept(transaction);
            Assert.True(accepted.IsAccepted, accepted.ToString());
        }

        var full = _node.Assembler.Create(_node.Chain.Tip);
        Assert.Equal([c.Txid, d.Txid, b.Txid, a.Txid], full.Transactions.Select(t => t.Txid));
        Assert.Equal(new Money(72_600), full.Fees);
        Assert.Equal(Network.GetBlockSubsidy(full.Height) + new Money(72_600), full.CreateCoinbase(0).Outputs[0].Value);

        // One weight unit short of what all four need: the lowest-rate package (A) stays out, the rest still fits.
        var limited = TestTemplates.Assembler(Network, _node.Services.GetRequiredService<IDifficultyAlgorithm>(),
            _node.Services.GetRequiredService<ITransactionSelector>(), _key.AddressFor(Network.Network),
            edit: o => o.MaxBlockWeight = (int)full.Weight - 1).Create(_node.Chain.Tip);
        Assert.Equal([c.Txid, d.Txid, b.Txid], limited.Transactions.Select(t => t.Txid));
        Assert.True(limited.Weight <= full.Weight - 1);
        Assert.Equal(Network.GetBlockSubsidy(limited.Height) + new Money(70_600), limited.CreateCoinbase(7).Outputs[0].Value);

        // Mined, the full template is a block consensus accepts (the coinbase amount rule included), and the pool empties.
        var block = TemplateSolver.Solve(full, extraNonce: 42);
        Assert.Equal(full.Weight, block.Weight);
        var result = await _node.Chain.ProcessBlockAsync(block);
        Assert.Equal(BlockAcceptance.Active, result.Acceptance);
        Assert.Equal(0, _node.Pool.Count);
        Assert.Equal(_key.Script, block.Transactions[0].Outputs[0].ScriptPubKey);
    }

    [Fact]
    public async Task A_template_is_rebuilt_when_the_tip_moves_and_kept_while_it_is_current()
    {
        var source = _node.Services.GetRequiredService<IBlockTemplateSource>();
        var first = source.GetTemplate();
        Assert.Same(first, source.GetTemplate());
        Assert.False(source.IsOutdated(first));

        Assert.Equal(BlockAcceptance.Active, (await _node.Chain.ProcessBlockAsync(TemplateSolver.Solve(first))).Acceptance);

        Assert.True(source.IsOutdated(first));
        var second = source.GetTemplate();
        Assert.Equal(first.Height + 1, second.Height);
        Assert.Equal(_node.Chain.Tip.Hash, second.PreviousBlock);
    }

    private Transaction Spend(Transaction coinbase, long fee) =>
        _key.Spend([TestKey.Output(coinbase, 0)], coinbase.Outputs[0].Value - new Money(fee), 10);
}
