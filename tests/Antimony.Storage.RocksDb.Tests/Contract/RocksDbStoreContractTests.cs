using Antimony.Consensus.Coins;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Transactions;

namespace Antimony.Storage.RocksDb.Tests.Contract;

/// <summary>
/// The store contract against RocksDB with a tiny cache and a flush every third block, so commits, flushes,
/// cache evictions and reads from disk all interleave.
/// </summary>
public sealed class RocksDbStoreContractTests : StoreContractTests
{
    /// <inheritdoc />
    protected override IStoreUnderTest CreateStore() => RocksDbStores.Create(options =>
    {
        options.CacheSizeBytes = 4096;
        options.MaxUnflushedBlocks = 3;
        // fsync changes durability against power loss, not behaviour; the crash tests run with it on.
        options.SyncWrites = false;
    });
}

/// <summary>The store contract against RocksDB writing every block through (one batch per commit, large cache).</summary>
public sealed class RocksDbWriteThroughStoreContractTests : StoreContractTests
{
    /// <inheritdoc />
    protected override IStoreUnderTest CreateStore() => RocksDbStores.Create(options =>
    {
        options.MaxUnflushedBlocks = 1;
        options.SyncWrites = false;
    });
}

/// <summary>A RocksDB store in a temp directory that reopening closes and opens again.</summary>
internal sealed class RocksDbStores : IStoreUnderTest
{
    private readonly TempDirectory _directory;
    private readonly RocksDbStoreOptions _options;
    private readonly RocksDbStore _store;

    private RocksDbStores(TempDirectory directory, RocksDbStoreOptions options)
    {
        _directory = directory;
        _options = options;
        _store = RocksDbStore.Open(options);
    }

    public IBlockStore Blocks => _store.Blocks;

    public IChainStateStore ChainState => _store.ChainState;

    public static RocksDbStores Create(Action<RocksDbStoreOptions> configure)
    {
        var directory = new TempDirectory();
        var options = new RocksDbStoreOptions { DataDirectory = directory.Path };
        configure(options);
        return new RocksDbStores(directory, options);
    }

    public IReadOnlyDictionary<OutPoint, Coin> CopyCoins() => _store.ChainState.CopyCoins();

    public IStoreUnderTest Reopen()
    {
        _store.Dispose();
        return new RocksDbStores(_directory, _options);
    }

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }
}
