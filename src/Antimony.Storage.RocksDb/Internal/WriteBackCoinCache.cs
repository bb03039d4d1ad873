using System.Collections.Concurrent;
using Antimony.Consensus.Coins;
using Antimony.Primitives.Transactions;

namespace Antimony.Storage.RocksDb.Internal;

/// <summary>
/// The write-back coin cache in front of the coins column family. Clean entries mirror the database;
/// dirty entries hold committed changes not yet flushed (spent coins included, as non-existing entries).
/// </summary>
/// <remarks>
/// Concurrency: <see cref="TryGet"/> and <see cref="TryAddClean"/> may run from many readers at once.
/// The other members are called only under the store's commit lock, and those that change entries
/// (<see cref="SetDirty"/>, <see cref="MarkFlushed"/>) also under its exclusive state lock, so readers
/// never see a batch half applied.
/// </remarks>
internal sealed class WriteBackCoinCache
{
    private readonly ConcurrentDictionary<OutPoint, CoinCacheEntry> _entries = new();
    private readonly HashSet<OutPoint> _dirty = [];
    private long _bytes;

    /// <summary>The estimated memory held by every entry.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>The number of entries not yet flushed.</summary>
    public int DirtyCount => _dirty.Count;

    /// <summary>The cached entry of <paramref name="outPoint"/>.</summary>
    public bool TryGet(in OutPoint outPoint, out CoinCacheEntry entry) => _entries.TryGetValue(outPoint, out entry);

    /// <summary>Caches a coin just read from the database, unless the outpoint is cached already.</summary>
    public void TryAddClean(in OutPoint outPoint, in Coin coin)
    {
        var entry = new CoinCacheEntry(coin, Exists: true, Dirty: false);
        if (_entries.TryAdd(outPoint, entry))
            Interlocked.Add(ref _bytes, entry.EstimatedBytes);
    }

    /// <summary>Records a committed change: <paramref name="coin"/> added, or (when null) the outpoint spent.</summary>
    public void SetDirty(in OutPoint outPoint, Coin? coin)
    {
        var entry = new CoinCacheEntry(coin ?? default, coin.HasValue, Dirty: true);
        long delta = entry.EstimatedBytes;
        if (_entries.TryGetValue(outPoint, out var previous))
            delta -= previous.EstimatedBytes;
        _entries[outPoint] = entry;
        _dirty.Add(outPoint);
        Interlocked.Add(ref _bytes, delta);
    }

    /// <summary>The dirty entries, for a flush.</summary>
    public List<KeyValuePair<OutPoint, CoinCacheEntry>> CollectDirty()
    {
        var result = new List<KeyValuePair<OutPoint, CoinCacheEntry>>(_dirty.Count);
        foreach (var outPoint in _dirty)
            result.Add(new(outPoint, _entries[outPoint]));
        return result;
    }

    /// <summary>
    /// After a flush wrote every dirty entry: spent entries are dropped, the rest become clean; then, when the
    /// cache is over <paramref name="budget"/>, it is emptied (Bitcoin Core's policy: the next reads refill it).
    /// </summary>
    public void MarkFlushed(long budget)
    {
        foreach (var outPoint in _dirty)
        {
            var entry = _entries[outPoint];
            if (entry.Exists)
            {
                _entries[outPoint] = entry with { Dirty = false };
            }
            else
            {
                _entries.TryRemove(outPoint, out _);
                Interlocked.Add(ref _bytes, -entry.EstimatedBytes);
            }
        }
        _dirty.Clear();
        if (Bytes >= budget)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }
    }
}
