using Antimony.Consensus.Storage;
using Antimony.Consensus.Hosting;
using Antimony.Consensus.Parameters;
using Antimony.Storage.RocksDb.Tests.Contract;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Antimony.Storage.RocksDb.Tests.Store;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task The_rocksdb_stores_replace_earlier_registrations_and_close_with_the_container()
    {
        using var directory = new TempDirectory();
        var services = new ServiceCollection();
        services.AddAntimony(ChainParameters.Regtest).AddInMemoryStore().AddRocksDbStore(directory.Path, options => options.MaxUnflushedBlocks = 5);
        var model = new ChainModel();
        await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }))
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            var blocks = provider.GetRequiredService<IBlockStore>();
            var chainState = provider.GetRequiredService<IChainStateStore>();
            var store = provider.GetRequiredService<RocksDbStore>();
            Assert.Same(store.Blocks, blocks);
            Assert.Same(store.ChainState, chainState);
            Assert.Single(services, d => d.ServiceType == typeof(IChainStateStore));
            chainState.Commit(model.Connect(1, 3, 0));
            chainState.Commit(model.Connect(2, 3, 1));
        }
        // Disposing the container flushed the cache and released the database's lock.
        using var reopened = RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = directory.Path });
        Assert.Equal(model.Tip, reopened.RecoveredTip);
    }

    [Fact]
    public void Calling_it_twice_keeps_one_store()
    {
        using var directory = new TempDirectory();
        var services = new ServiceCollection();
        services.AddRocksDbStore(directory.Path);
        services.AddRocksDbStore(directory.Path);
        Assert.Single(services, d => d.ServiceType == typeof(RocksDbStore));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<RocksDbStoreOptions>));
        using var provider = services.BuildServiceProvider();
        Assert.Same(provider.GetRequiredService<IBlockStore>(), provider.GetRequiredService<RocksDbStore>().Blocks);
    }

    [Fact]
    public void Invalid_options_fail_start_up_validation()
    {
        using var directory = new TempDirectory();
        string file = Path.Combine(directory.Path, "a-file");
        File.WriteAllText(file, "not a directory");
        var services = new ServiceCollection();
        services.AddRocksDbStore(file, options => options.CacheSizeBytes = 0);
        using var provider = services.BuildServiceProvider();
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(exception.Failures, f => f.Contains("CacheSizeBytes", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("not a writable directory", StringComparison.Ordinal));
    }
}
