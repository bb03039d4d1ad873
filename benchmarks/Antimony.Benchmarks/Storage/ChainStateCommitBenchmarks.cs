// Compiled once the benchmark project references Antimony.Storage.RocksDb and defines ANTIMONY_ROCKSDB (see the storage branch report).
using Antimony.Consensus.Storage;
using Antimony.Consensus.Storage.InMemory;
using Antimony.Primitives.Transactions;
using Antimony.Storage.RocksDb;
using BenchmarkDotNet.Attributes;

namespace Antimony.Benchmarks.Storage;

/// <summary>
/// Committing one block's worth of 5,000 coin changes (2,500 spent, 2,500 created, with undo data): the
/// RocksDB store writing every block through (one write batch with the tip, with and without fsync) and
/// write-back (flushing every tenth block), against the in-memory store as the baseline.
/// </summary>
[MemoryDiagnoser]
public class ChainStateCommitBenchmarks
{
    private const int Changes = 2_500;
    private readonly Dictionary<string, (IChainStateStore Store, List<OutPoint> Last)> _stores = [];
    private readonly List<RocksDbStore> _owned = [];
    private string _root = "";

    /// <summary>Creates the stores in a temp folder, each at a tip with 2,500 coins to spend.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "antimony-bench-" + Guid.NewGuid().ToString("N"));
        Add("memory", new InMemoryChainStateStore());
        Add("sync", Open("sync", o => o.MaxUnflushedBlocks = 1));
        Add("nosync", Open("nosync", o => { o.MaxUnflushedBlocks = 1; o.SyncWrites = false; }));
        Add("writeback", Open("writeback", o => o.MaxUnflushedBlocks = 10));
    }

    /// <summary>Closes the stores and deletes their folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var store in _owned)
            store.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>The in-memory store (a dictionary under a lock).</summary>
    [Benchmark(Baseline = true)]
    public void InMemory() => Commit("memory");

    /// <summary>RocksDB, one write batch per block, fsync on every commit (the strictest setting).</summary>
    [Benchmark]
    public void RocksDbSyncEveryBlock() => Commit("sync");

    /// <summary>RocksDB, one write batch per block, WAL without fsync.</summary>
    [Benchmark]
    public void RocksDbNoSyncEveryBlock() => Commit("nosync");

    /// <summary>RocksDB with the default write-back cache: a synced batch every tenth block.</summary>
    [Benchmark]
    public void RocksDbWriteBack() => Commit("writeback");

    private void Commit(string name)
    {
        var (store, last) = _stores[name];
        var batch = StorageBenchmarkData.Next(store.GetTip(), last, Changes, out var added);
        store.Commit(batch);
        _stores[name] = (store, added);
    }

    private void Add(string name, IChainStateStore store)
    {
        var first = StorageBenchmarkData.Next(null, [], Changes, out var added);
        store.Commit(first);
        _stores[name] = (store, added);
    }

    private RocksDbChainStateStore Open(string name, Action<RocksDbStoreOptions> configure)
    {
        var options = new RocksDbStoreOptions { DataDirectory = Path.Combine(_root, name) };
        configure(options);
        var store = RocksDbStore.Open(options);
        _owned.Add(store);
        return store.ChainState;
    }
}
