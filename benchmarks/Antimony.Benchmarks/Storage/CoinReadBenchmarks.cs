// Compiled once the benchmark project references Antimony.Storage.RocksDb and defines ANTIMONY_ROCKSDB (see the storage branch report).
using Antimony.Consensus.Storage;
using Antimony.Consensus.Storage.InMemory;
using Antimony.Primitives.Transactions;
using Antimony.Storage.RocksDb;
using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.Storage;

/// <summary>
/// 1,000 coin lookups in a set of 100,000: from the RocksDB store's coin cache (warm), through to RocksDB
/// (a cache too small to hold anything, so every read decodes a record from RocksDB's own block cache),
/// and from the in-memory store as the baseline.
/// </summary>
[MemoryDiagnoser]
public class CoinReadBenchmarks
{
    private const int CoinCount = 100_000;
    private const int Reads = 1_000;
    private readonly List<RocksDbStore> _owned = [];
    private InMemoryChainStateStore _memory = new();
    private RocksDbChainStateStore? _cached;
    private RocksDbChainStateStore? _uncached;
    private OutPoint[] _lookups = [];
    private string _root = "";

    /// <summary>Writes the coins to each store and warms the cache.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "antimony-bench-" + Guid.NewGuid().ToString("N"));
        var batch = StorageBenchmarkData.Next(null, [], CoinCount, out var added);
        _memory = new InMemoryChainStateStore();
        _memory.Commit(batch);
        _cached = Open("cached", 256L * 1024 * 1024);
        _uncached = Open("uncached", 1);
        _cached.Commit(batch);
        _uncached.Commit(batch);
        var random = new Random(1);
        _lookups = [.. Enumerable.Range(0, Reads).Select(_ => added[random.Next(added.Count)])];
        foreach (var outPoint in _lookups)
            _cached.TryGetCoin(outPoint, out _);
    }

    /// <summary>Closes the stores and deletes their folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var store in _owned)
            store.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>The in-memory store.</summary>
    [Benchmark(Baseline = true)]
    public int InMemory() => Read(_memory);

    /// <summary>The RocksDB store, answered by its coin cache.</summary>
    [Benchmark]
    public int RocksDbCached() => Read(_cached!);

    /// <summary>The RocksDB store, every read going to RocksDB and decoding the record.</summary>
    [Benchmark]
    public int RocksDbUncached() => Read(_uncached!);

    private int Read(IChainStateStore store)
    {
        int found = 0;
        foreach (var outPoint in _lookups)
        {
            if (store.TryGetCoin(outPoint, out _))
                found++;
        }
        return found;
    }

    private RocksDbChainStateStore Open(string name, long cacheBytes)
    {
        var store = RocksDbStore.Open(new RocksDbStoreOptions { DataDirectory = Path.Combine(_root, name), CacheSizeBytes = cacheBytes });
        _owned.Add(store);
        return store.ChainState;
    }
}
