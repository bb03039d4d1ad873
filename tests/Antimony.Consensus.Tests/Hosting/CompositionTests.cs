using Antimony.Consensus.Chain;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.OutputTypes;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Rules;
using Antimony.Consensus.Rules.Headers;
using Antimony.Consensus.Tests.Support;
using Antimony.Consensus.Validation;
using Antimony.Primitives.Signing;
using Antimony.Primitives.Transactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Antimony.Consensus.Tests.Hosting;

public sealed class CompositionTests
{
    [Fact]
    public void The_builder_carries_the_callers_services_and_the_network()
    {
        var services = new ServiceCollection();
        var builder = services.AddAntimony(ChainParameters.Devnet);
        Assert.Same(services, builder.Services);
        Assert.Same(ChainParameters.Devnet, builder.Parameters);
    }

    [Fact]
    public void A_missing_store_fails_at_build_with_validate_on_build()
    {
        var services = new ServiceCollection();
        services.AddAntimony(ChainParameters.Regtest);
        var error = Assert.ThrowsAny<Exception>(() => services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
        Assert.Contains("IBlockStore", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_store_fails_start_up_validation_with_a_message_naming_the_remedy()
    {
        var services = new ServiceCollection();
        services.AddAntimony(ChainParameters.Regtest);
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("AddInMemoryStore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_fail_start_up_validation()
    {
        var services = new ServiceCollection();
        services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore().ConfigureConsensus(o => o.SignatureVerificationParallelism = 0);
        using var provider = services.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void A_complete_composition_validates_and_resolves()
    {
        var services = new ServiceCollection();
        services.AddAntimony(ChainParameters.Devnet).AddInMemoryStore();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        var chain = provider.GetRequiredService<ChainState>();
        Assert.Equal(ChainParameters.Devnet.CreateGenesisBlock().Hash, chain.Tip.Hash);
        Assert.IsType<Lwma1Difficulty>(provider.GetRequiredService<IDifficultyAlgorithm>());
        Assert.IsType<ParallelSignatureVerifier>(provider.GetRequiredService<ISignatureVerifier>());
        Assert.Equal(5, provider.GetServices<IHeaderRule>().Count());
        Assert.Equal(3, provider.GetRequiredService<OutputTypeRegistry>().Types.Count);
    }

    [Fact]
    public void Adding_antimony_twice_for_different_networks_is_refused()
    {
        var services = new ServiceCollection();
        services.AddAntimony(ChainParameters.Regtest);
        services.AddAntimony(ChainParameters.Regtest);
        Assert.Throws<InvalidOperationException>(() => services.AddAntimony(ChainParameters.Mainnet));
    }

    [Fact]
    public void A_host_registration_made_first_wins()
    {
        var services = new ServiceCollection();
        var fixedDifficulty = new FixedDifficulty(ChainParameters.Devnet);
        services.AddSingleton<IDifficultyAlgorithm>(fixedDifficulty);
        services.AddAntimony(ChainParameters.Devnet).AddInMemoryStore();
        using var provider = services.BuildServiceProvider();
        Assert.Same(fixedDifficulty, provider.GetRequiredService<IDifficultyAlgorithm>());
    }

    private sealed class NoZeroValueOutputsRule : ITransactionRule
    {
        public static readonly RejectReason Reason = new("bad-txns-zero-output", RejectCategory.Invalid);

        public ValidationResult Check(in TransactionContext context) =>
            context.Transaction.IsCoinbase || context.Transaction.Outputs.All(o => o.Value.Atoms > 0)
                ? ValidationResult.Valid
                : ValidationResult.Reject(Reason);
    }

    [Fact]
    public void A_bespoke_node_removes_a_built_in_rule_and_adds_its_own()
    {
        using var node = new TestNode(ChainParameters.Regtest with { CoinbaseMaturity = 1 }, b => b
            .Remove<IHeaderRule, VersionRule>()
            .AddTransactionRule<NoZeroValueOutputsRule>());
        Assert.DoesNotContain(node.Services.GetServices<IHeaderRule>(), r => r is VersionRule);
        node.Accepts(node.Maker.Make(node.Chain.Tip, version: 1));
        node.MineEmpty(1);
        var coin = node.MatureCoins()[0];
        var spend = node.Wallet.Spend([coin], [.. node.Wallet.Split(coin.Coin.Output.Value, 1), new TxOut(default, node.Wallet.Default)]);
        node.Rejects(node.Maker.Make(node.Chain.Tip, [spend]), "bad-txns-zero-output");
    }

    private sealed class AnyoneCanSpendVerifier : IOutputTypeVerifier
    {
        public OutputTypeId Type => new("op-true");

        public bool IsSpendable => true;

        public bool Matches(ReadOnlySpan<byte> scriptPubKey) => scriptPubKey.SequenceEqual(new byte[] { 0x51 });

        public ValidationResult CheckOutput(in TxOut output) => ValidationResult.Valid;

        public ValidationResult PrepareSpend(in SpendContext context, ICollection<SignatureCheck> signatures) => ValidationResult.Valid;
    }

    [Fact]
    public void A_bespoke_network_registers_another_output_type()
    {
        using var node = new TestNode(ChainParameters.Regtest with { CoinbaseMaturity = 1 }, b => b.AddOutputType<AnyoneCanSpendVerifier>());
        var opTrue = new Primitives.Scripts.Script(new byte[] { 0x51 });
        node.Accepts(node.Maker.Make(node.Chain.Tip, editCoinbase: c => c.AddOutput(Primitives.Amounts.Money.Zero, opTrue)));
        node.MineEmpty(1);
        var coinbase = node.Chain.GetActiveEntry(1)!;
        Assert.True(node.Chain.TryGetBlock(coinbase.Hash, out var block));
        var outPoint = new OutPoint(block.Transactions[0].Txid, 1);
        var spend = new TransactionBuilder().AddInput(outPoint).AddOutput(Primitives.Amounts.Money.Zero, node.Wallet.Default).Build();
        node.Accepts(node.Maker.Make(node.Chain.Tip, [spend]));
        Assert.False(node.State.TryGetCoin(outPoint, out _));
    }
}
