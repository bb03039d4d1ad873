using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Antimony.Consensus.Coins;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;
using Antimony.Storage.RocksDb.Internal;
using Antimony.Storage.RocksDb.Records;
using Microsoft.Extensions.Logging;
using RocksDbSharp;

namespace Antimony.Storage.RocksDb;

/// <summary>
/// The chain state (UTXO set, undo data, tip) in RocksDB behind a write-back coin cache. Batches are
/// applied to the cache; a flush writes every changed coin, the pending undo data and the tip record in
/// one RocksDB write batch, so the database always holds the complete state of some tip.
/// </summary>
/// <remarks>
/// <see cref="GetTip"/> is the latest committed tip; <see cref="DurableTip"/> the latest flushed one, where
/// the store comes back after a crash. Thread-safe: readers take a shared lock and may read from many
/// threads while a batch commits; a batch becomes visible to them all at once. Created and owned by
/// <see cref="RocksDbStore"/>.
/// </remarks>
public sealed partial class RocksDbChainStateStore : IChainStateStore, ITransactionIndex
{
    private readonly RocksDbDatabase _db;
    private readonly RocksDbBlockStore _blocks;
    private readonly RocksDbStoreOptions _options;
    private readonly ILogger _logger;
    private readonly StoreMetrics _metrics;
    private readonly Lock _commitLock = new();
    private readonly ReaderWriterLockSlim _stateLock = new(LockRecursionPolicy.NoRecursion);
    private readonly WriteBackCoinCache _cache = new();
    private readonly Dictionary<BlockHash, BlockUndo?> _pendingUndo = [];
    private ChainTip? _tip;
    private ChainTip? _durableTip;
    private int _unflushedBlocks;
    private volatile bool _closed;

    internal RocksDbChainStateStore(RocksDbDatabase db, RocksDbBlockStore blocks, RocksDbStoreOptions options, ChainTip? tip, ILogger logger, StoreMetrics metrics)
    {
        _db = db;
        _blocks = blocks;
        _options = options;
        _tip = _durableTip = tip;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>The tip the database holds: the one the store would come back at after a crash now.</summary>
    public ChainTip? DurableTip
    {
        get
        {
            _stateLock.EnterReadLock();
            try
            {
                return _durableTip;
            }
            finally
            {
                _stateLock.ExitReadLock();
            }
        }
    }

    /// <summary>The number of outpoints in the coin cache (for diagnostics).</summary>
    public int CachedCoinCount => _cache.Count;

    /// <summary>The estimated memory held by the coin cache, in bytes (for diagnostics).</summary>
    public long CacheBytes => _cache.Bytes;

    /// <inheritdoc />
    public ChainTip? GetTip()
    {
        _stateLock.EnterReadLock();
        try
        {
            return _tip;
        }
        finally
        {
            _stateLock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    /// <exception cref="ChainStoreException">The stored coin is corrupted or RocksDB failed.</exception>
    public bool TryGetCoin(in OutPoint outPoint, [MaybeNullWhen(false)] out Coin coin)
    {
        ThrowIfClosed();
        _stateLock.EnterReadLock();
        try
        {
            if (_cache.TryGet(outPoint, out var entry))
            {
                _metrics.CacheHits.Add(1);
                coin = entry.Coin;
                return entry.Exists;
            }
            _metrics.CacheMisses.Add(1);
            Span<byte> key = stackalloc byte[StorageKeys.CoinKeySize];
            StorageKeys.WriteCoinKey(outPoint, key);
            var bytes = _db.Get(key, _db.Coins);
            if (bytes is null)
            {
                coin = default;
                return false;
            }
            coin = DecodeCoin(outPoint, bytes);
            // Past the budget, reads stop filling the cache; the next flush empties it.
            if (_cache.Bytes < _options.CacheSizeBytes)
                _cache.TryAddClean(outPoint, coin);
            return true;
        }
        finally
        {
            _stateLock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    /// <exception cref="ChainStoreException">The stored undo data is corrupted or RocksDB failed.</exception>
    public bool TryGetUndo(BlockHash block, [MaybeNullWhen(false)] out BlockUndo undo)
    {
        ThrowIfClosed();
        _stateLock.EnterReadLock();
        try
        {
            if (_pendingUndo.TryGetValue(block, out var pending))
            {
                undo = pending;
                return pending is not null;
            }
            var bytes = _db.Get(StorageKeys.BlockKey(block), _db.Undo);
            if (bytes is null)
            {
                undo = null;
                return false;
            }
            try
            {
                undo = UndoRecord.Decode(bytes);
                return true;
            }
            catch (DecodeException e)
            {
                throw _db.Corrupted($"undo data of block {block}", e);
            }
        }
        finally
        {
            _stateLock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The batch goes to the cache at once; it reaches the database with the next flush, which happens when
    /// <see cref="RocksDbStoreOptions.MaxUnflushedBlocks"/> batches are pending, the cache is over its budget,
    /// or the batch is the first one (from no tip), which is always made durable before returning.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The store's tip is not the batch's previous tip; nothing changed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An added coin has a negative height or an amount outside [0, max money]; nothing changed.</exception>
    /// <exception cref="ChainStoreException">The flush failed; the batch stays in the cache and the next flush retries it.</exception>
    public void Commit(ChainStateBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_commitLock)
        {
            ThrowIfClosed();
            if (_tip != batch.PreviousTip)
            {
                Log.WrongTip(_logger, Describe(batch.PreviousTip), Describe(_tip));
                throw new InvalidOperationException($"The batch was computed against tip {Describe(batch.PreviousTip)}, but the store is at {Describe(_tip)}.");
            }
            // Check every coin can be stored before touching anything, so a bad batch changes nothing.
            foreach (var coin in batch.AddedCoins.Values)
                _ = CoinRecord.SizeOf(coin);
            var indexChanges = CollectIndexChanges(batch);
            _stateLock.EnterWriteLock();
            try
            {
                foreach (var outPoint in batch.RemovedCoins)
                    _cache.SetDirty(outPoint, null);
                foreach (var (outPoint, coin) in batch.AddedCoins)
                    _cache.SetDirty(outPoint, coin);
                if (batch.UndoToWrite is { } written)
                    _pendingUndo[written.Block] = written.Undo;
                if (batch.UndoToRemove is { } removed)
                    _pendingUndo[removed] = null;
                foreach (var (txid, location) in indexChanges)
                    _pendingTransactions[txid] = location;
                _tip = batch.NewTip;
                _unflushedBlocks++;
            }
            finally
            {
                _stateLock.ExitWriteLock();
            }
            // The first batch (usually genesis) is flushed at once: a node whose block index already has
            // headers must never find a chain state without a tip after a crash.
            if (_unflushedBlocks >= _options.MaxUnflushedBlocks || _cache.Bytes >= _options.CacheSizeBytes || batch.PreviousTip is null)
                FlushCore();
        }
    }

    /// <summary>Writes every committed change to the database now, in one batch with the tip record.</summary>
    /// <exception cref="ChainStoreException">RocksDB failed; the changes stay in the cache.</exception>
    public void Flush()
    {
        lock (_commitLock)
        {
            ThrowIfClosed();
            FlushCore();
        }
    }

    /// <summary>Every unspent coin, read from the database after a flush (for tools and tests: it reads the whole set).</summary>
    /// <exception cref="ChainStoreException">A stored coin is corrupted or RocksDB failed.</exception>
    public IReadOnlyDictionary<OutPoint, Coin> CopyCoins()
    {
        lock (_commitLock)
        {
            ThrowIfClosed();
            FlushCore();
            var coins = new Dictionary<OutPoint, Coin>();
            _db.Scan(_db.Coins, (key, value) =>
            {
                if (!StorageKeys.TryReadCoinKey(key, out var outPoint))
                    throw new ChainStoreException(ChainStoreError.Corrupted, $"A coin key of {key.Length} bytes in '{_db.Directory}' is not an outpoint");
                coins.Add(outPoint, DecodeCoin(outPoint, value));
                return true;
            });
            return coins;
        }
    }

    /// <summary>Flushes and refuses further calls; the owning <see cref="RocksDbStore"/> then closes the database.</summary>
    internal ChainTip? Close()
    {
        lock (_commitLock)
        {
            if (_closed)
                return _durableTip;
            FlushCore();
            _closed = true;
            return _durableTip;
        }
    }

    // Called with _commitLock held: commits cannot change the dirty set while it is written, and readers
    // keep answering from the cache (where every entry being written still sits) during the write.
    private void FlushCore()
    {
        if (_cache.DirtyCount == 0 && _pendingUndo.Count == 0 && _pendingTransactions.Count == 0 && _tip == _durableTip)
            return;
        long started = Stopwatch.GetTimestamp();
        var dirty = _cache.CollectDirty();
        var tip = _tip;
        long bytes;
        // The batch copies keys and values, so one scratch buffer serves every coin.
        byte[] scratch = ArrayPool<byte>.Shared.Rent(256);
        using (var batch = new WriteBatch())
        {
            Span<byte> key = stackalloc byte[StorageKeys.CoinKeySize];
            foreach (var (outPoint, entry) in dirty)
            {
                StorageKeys.WriteCoinKey(outPoint, key);
                if (!entry.Exists)
                {
                    batch.Delete(key, _db.Coins);
                    continue;
                }
                int size = CoinRecord.SizeOf(entry.Coin);
                if (size > scratch.Length)
                {
                    ArrayPool<byte>.Shared.Return(scratch);
                    scratch = ArrayPool<byte>.Shared.Rent(size);
                }
                var writer = new ConsensusWriter(scratch.AsSpan(0, size));
                CoinRecord.Write(ref writer, entry.Coin);
                batch.Put(key, scratch.AsSpan(0, size), _db.Coins);
            }
            ArrayPool<byte>.Shared.Return(scratch);
            foreach (var (block, undo) in _pendingUndo)
            {
                if (undo is null)
                    batch.Delete(StorageKeys.BlockKey(block), _db.Undo);
                else
                    batch.Put(StorageKeys.BlockKey(block), UndoRecord.ToBytes(undo), _db.Undo);
            }
            WritePendingTransactions(batch);
            // The tip record rides in the same batch as the coins: RocksDB applies a batch whole or not at
            // all, also when replaying its log after a crash, so the stored coins always match the stored tip.
            if (tip is { } newTip)
                batch.Put(StorageKeys.Tip, TipRecord.ToBytes(newTip), _db.Meta);
            bytes = batch.AsSpan().Length;
            _db.Write(batch, _options.SyncWrites);
        }
        int undoRecords = _pendingUndo.Count;
        _stateLock.EnterWriteLock();
        try
        {
            _cache.MarkFlushed(_options.CacheSizeBytes);
            _pendingUndo.Clear();
            _pendingTransactions.Clear();
            _durableTip = tip;
            _unflushedBlocks = 0;
        }
        finally
        {
            _stateLock.ExitWriteLock();
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        _metrics.FlushCoins.Record(dirty.Count);
        _metrics.FlushDuration.Record(elapsed.TotalSeconds);
        _metrics.BytesWritten.Add(bytes);
        Log.Flushed(_logger, dirty.Count, undoRecords, Describe(tip), bytes, elapsed.TotalMilliseconds);
    }

    private Coin DecodeCoin(in OutPoint outPoint, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return CoinRecord.Decode(bytes);
        }
        catch (DecodeException e)
        {
            throw _db.Corrupted($"coin {outPoint}", e);
        }
    }

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, this);

    private static string Describe(ChainTip? tip) => tip?.ToString() ?? "none";
}
