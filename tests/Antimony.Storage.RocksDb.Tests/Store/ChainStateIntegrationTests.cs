using Antimony.Consensus.Chain;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Parameters;
using Antimony.Consensus.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Antimony.Storage.RocksDb.Tests.Store;

/// <summary>The consensus engine composed on the RocksDB store: it starts from genesis and restarts from the stored state.</summary>
public sealed class ChainStateIntegrationTests
{
    [Fact]
    public void The_chain_state_starts_on_an_empty_store_and_restarts_at_the_stored_tip()
    {
        using var directory = new TempDirectory();
        var genesis = Start(directory.Path, provider => provider.GetRequiredService<ChainState>().Tip.Hash);
        var again = Start(directory.Path, provider =>
        {
            Assert.Equal(genesis, provider.GetRequiredService<IChainStateStore>().GetTip()?.Hash);
            return provider.GetRequiredService<ChainState>().Tip.Hash;
        });
        Assert.Equal(ChainParameters.Regtest.CreateGenesisBlock().Hash, genesis);
        Assert.Equal(genesis, again);
    }

    private static T Start<T>(string directory, Func<IServiceProvider, T> use)
    {
        var services = new ServiceCollection();
        services.AddAntimony(ChainParameters.Regtest).AddRocksDbStore(directory);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return use(provider);
    }

}
