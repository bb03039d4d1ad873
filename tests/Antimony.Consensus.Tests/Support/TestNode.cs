using Antimony.Consensus.Chain;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Difficulty;
using Antimony.Consensus.Events;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Rules;
using Antimony.Consensus.Storage.InMemory;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Transactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Antimony.Consensus.Tests.Support;

/// <summary>
/// A chain state composed exactly as a host would (AddAntimony + in-memory store) on a fake clock, plus a
/// block maker and a wallet: the internal chain builder the tests share.
/// </summary>
internal sealed class TestNode : IDisposable
{
    private readonly ServiceProvider _services;

    public TestNode(ChainParameters? parameters = null, Action<IAntimonyBuilder>? configure = null)
    {
        parameters ??= ChainParameters.Regtest;
        Clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(parameters.Genesis.Time + 365L * 24 * 3600));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        var builder = services.AddAntimony(parameters).AddInMemoryStore();
        configure?.Invoke(builder);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Chain = _services.GetRequiredService<ChainState>();
        Wallet = new TestWallet();
        Maker = new BlockMaker(parameters, _services.GetRequiredService<IDifficultyAlgorithm>(), Wallet);
    }

    public FakeTimeProvider Clock { get; }

    public ChainState Chain { get; }

    public IServiceProvider Services => _services;

    public InMemoryChainStateStore State => _services.GetRequiredService<InMemoryChainStateStore>();

    public InMemoryBlockStore Blocks => _services.GetRequiredService<InMemoryBlockStore>();

    public ConsensusRuleSet Rules => _services.GetRequiredService<ConsensusRuleSet>();

    public IChainEvents Events => _services.GetRequiredService<IChainEvents>();

    public TestWallet Wallet { get; }

    public BlockMaker Maker { get; }

    public ChainParameters Parameters => Chain.Parameters;

    public BlockProcessingResult Submit(Block block) => Chain.ProcessBlockAsync(block).GetAwaiter().GetResult();

    /// <summary>Mines and connects <paramref name="count"/> empty blocks on the tip; returns the last.</summary>
    public Block MineEmpty(int count)
    {
        Block? last = null;
        for (int i = 0; i < count; i++)
        {
            last = Maker.Make(Chain.Tip);
            var result = Submit(last);
            if (result.Acceptance != BlockAcceptance.Active)
                throw new InvalidOperationException($"Block {i} not connected: {result}");
        }
        return last!;
    }

    /// <summary>The spendable coins the wallet owns on the active chain (mature at the next height).</summary>
    public List<(OutPoint OutPoint, Coin Coin)> MatureCoins()
    {
        int next = Chain.Tip.Height + 1;
        return [.. State.CopyCoins()
            .Where(c => Wallet.Owns(c.Value.Output.ScriptPubKey) && (!c.Value.IsCoinbase || next - c.Value.Height >= Parameters.CoinbaseMaturity))
            .OrderBy(c => c.Value.Height).ThenBy(c => c.Key.ToString(), StringComparer.Ordinal)
            .Select(c => (c.Key, c.Value))];
    }

    public void Dispose() => _services.Dispose();
}
