using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Antimony.Storage.RocksDb.Tests.Contract;
using Microsoft.Extensions.DependencyInjection;

namespace Antimony.Storage.RocksDb.Tests.Store;

/// <summary>The coin cache: reads fall through to RocksDB once and are then served from memory; flushes are measured.</summary>
public sealed class CacheTests
{
    [Fact]
    public void A_coin_read_after_a_flush_misses_once_then_hits_and_flushes_are_measured()
    {
        using var directory = new TempDirectory();
        var services = new ServiceCollection();
        services.AddSingleton<IMeterFactory, TestMeterFactory>();
        services.AddRocksDbStore(directory.Path, options => options.MaxUnflushedBlocks = 1);
        using var provider = services.BuildServiceProvider();
        var measurements = new ConcurrentDictionary<string, double>();
        var factory = provider.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's meters: other tests' stores publish under the same name in parallel.
            if (instrument.Meter.Name == "Antimony.Storage.RocksDb" && ReferenceEquals(instrument.Meter.Scope, factory))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measurements.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();

        var store = provider.GetRequiredService<RocksDbStore>();
        var model = new ChainModel();
        var batch = model.Connect(1, 40, 0);
        store.ChainState.Commit(batch);
        Assert.Equal(40, measurements["antimony.storage.flush.coins"]);
        Assert.True(measurements["antimony.storage.bytes_written"] > 40 * 3);
        Assert.True(measurements.ContainsKey("antimony.storage.flush.duration"));

        // A reopened store starts with an empty cache.
        store.Dispose();
        using var reopened = RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = directory.Path }, meterFactory: factory);
        measurements.Clear();
        var outPoint = batch.AddedCoins.Keys.First();
        Assert.True(reopened.ChainState.TryGetCoin(outPoint, out var first));
        Assert.True(reopened.ChainState.TryGetCoin(outPoint, out var second));
        Assert.Equal(batch.AddedCoins[outPoint], first);
        Assert.Equal(first, second);
        Assert.Equal(1, measurements["antimony.storage.coin_cache.misses"]);
        Assert.Equal(1, measurements["antimony.storage.coin_cache.hits"]);
        Assert.Equal(1, reopened.ChainState.CachedCoinCount);
    }

    [Fact]
    public void The_cache_stays_within_its_budget_and_empties_after_a_flush_over_it()
    {
        using var directory = new TempDirectory();
        using var store = RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = directory.Path, CacheSizeBytes = 16 * 1024, MaxUnflushedBlocks = 1000, SyncWrites = false });
        var model = new ChainModel();
        for (int i = 0; i < 30; i++)
        {
            store.ChainState.Commit(model.Connect(i, 10, 3));
            Assert.True(store.ChainState.CacheBytes < 16 * 1024 + 20 * 1024, $"cache at {store.ChainState.CacheBytes} bytes");
        }
        Assert.NotNull(store.ChainState.DurableTip);
        foreach (var (outPoint, coin) in model.Coins)
        {
            Assert.True(store.ChainState.TryGetCoin(outPoint, out var read));
            Assert.Equal(coin, read);
        }
        Assert.True(store.ChainState.CacheBytes <= 16 * 1024 + 512);
    }
}
