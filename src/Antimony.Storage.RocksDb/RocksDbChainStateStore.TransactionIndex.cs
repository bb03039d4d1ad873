using Antimony.Consensus.Storage;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Serialization;
using Antimony.Primitives.Transactions;
using Antimony.Storage.RocksDb.Internal;
using Antimony.Storage.RocksDb.Records;
using RocksDbSharp;

namespace Antimony.Storage.RocksDb;

// The transaction index: entries ride in the flush batch with the coins, undo data and tip they belong to.
public sealed partial class RocksDbChainStateStore
{
    // Changes not yet flushed: a location, or null for an entry to delete (its block was disconnected).
    private readonly Dictionary<Txid, TransactionLocation?> _pendingTransactions = [];
    private CancellationTokenSource? _indexBuild;
    private Task? _indexTask;
    private volatile bool _indexSynced;
    private volatile int _indexedHeight = -1;

    /// <inheritdoc/>
    public TransactionIndexStatus Status
    {
        get
        {
            if (!_options.IndexTransactions)
                return new TransactionIndexStatus(false, -1);
            return _indexSynced ? new TransactionIndexStatus(true, GetTip()?.Height ?? -1) : new TransactionIndexStatus(false, _indexedHeight);
        }
    }

    /// <summary>The task building the index of a chain that existed before the index was enabled (completed otherwise).</summary>
    public Task TransactionIndexBuild => _indexTask ?? Task.CompletedTask;

    /// <inheritdoc/>
    public bool TryGetLocation(Txid txid, out TransactionLocation location)
    {
        location = default;
        if (!_options.IndexTransactions)
            return false;
        ThrowIfClosed();
        _stateLock.EnterReadLock();
        try
        {
            if (_pendingTransactions.TryGetValue(txid, out var pending))
            {
                location = pending.GetValueOrDefault();
                return pending is not null;
            }
            var bytes = _db.Get(StorageKeys.TransactionKey(txid), _db.TransactionIndex);
            if (bytes is null)
                return false;
            location = LocationRecord.Decode(bytes);
            return true;
        }
        catch (DecodeException e)
        {
            throw _db.Corrupted($"transaction index entry of {txid}", e);
        }
        finally
        {
            _stateLock.ExitReadLock();
        }
    }

    /// <summary>
    /// Called once at open: an index enabled on a store that already has a chain is built in the background;
    /// a store opened without the index forgets that its index was complete (it goes stale from now on).
    /// </summary>
    internal void StartTransactionIndex()
    {
        bool marked = _db.Contains(StorageKeys.TransactionIndexSynced, _db.Meta);
        if (!_options.IndexTransactions)
        {
            if (marked)
                WriteSyncedMarker(present: false);
            return;
        }
        if (marked || _tip is null)
        {
            if (!marked)
                WriteSyncedMarker(present: true);
            _indexSynced = true;
            return;
        }
        _indexBuild = new CancellationTokenSource();
        var token = _indexBuild.Token;
        _indexTask = Task.Run(() => BuildIndex(token), CancellationToken.None);
    }

    /// <summary>Stops a background build (it resumes from genesis at the next open) and waits for it.</summary>
    internal void StopTransactionIndex()
    {
        if (_indexBuild is null)
            return;
        _indexBuild.Cancel();
        try
        {
            _indexTask!.Wait();
        }
        catch (AggregateException)
        {
            // Logged by the build itself.
        }
        _indexBuild.Dispose();
        _indexBuild = null;
    }

    // Undo data is written exactly when a block is connected and deleted when it is disconnected, so the
    // batch says which block's transactions enter or leave the index.
    private List<(Txid Txid, TransactionLocation? Location)> CollectIndexChanges(ChainStateBatch batch)
    {
        var changes = new List<(Txid, TransactionLocation?)>();
        if (!_options.IndexTransactions)
            return changes;
        if (batch.UndoToRemove is { } removed && _blocks.TryGetBlock(removed, out var disconnected))
        {
            foreach (var transaction in disconnected.Transactions)
                changes.Add((transaction.Txid, null));
        }
        if (batch.UndoToWrite is { } written && _blocks.TryGetBlock(written.Block, out var connected))
        {
            for (int i = 0; i < connected.Transactions.Length; i++)
                changes.Add((connected.Transactions[i].Txid, new TransactionLocation(written.Block, i)));
        }
        return changes;
    }

    private void WritePendingTransactions(WriteBatch batch)
    {
        foreach (var (txid, location) in _pendingTransactions)
        {
            if (location is { } found)
                batch.Put(StorageKeys.TransactionKey(txid), LocationRecord.ToBytes(found), _db.TransactionIndex);
            else
                batch.Delete(StorageKeys.TransactionKey(txid), _db.TransactionIndex);
        }
    }

    // Indexes the active chain as it was at open, genesis first, one block per write under the commit lock
    // so that connections and disconnections interleave safely: a block whose undo data is gone was
    // disconnected meanwhile and is skipped. Blocks connected since open are indexed by their own commits.
    private void BuildIndex(CancellationToken cancellationToken)
    {
        try
        {
            ChainTip start;
            lock (_commitLock)
                start = _tip!.Value;
            var headers = _blocks.ReadIndex().ToDictionary(r => r.Header.Hash, r => r.Header);
            var path = new BlockHash[start.Height + 1];
            var hash = start.Hash;
            for (int height = start.Height; height >= 0; height--)
            {
                path[height] = hash;
                if (height > 0 && !headers.ContainsKey(hash))
                    throw new ChainStoreException(ChainStoreError.Corrupted, $"The block index in '{_db.Directory}' lacks active block {hash}");
                hash = height > 0 ? headers[hash].PreviousBlock : default;
            }
            for (int height = 1; height <= start.Height; height++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!_blocks.TryGetBlock(path[height], out var block))
                    throw new ChainStoreException(ChainStoreError.Corrupted, $"The store in '{_db.Directory}' lacks active block {path[height]}");
                lock (_commitLock)
                {
                    if (_closed)
                        return;
                    if (IsConnected(path[height]))
                    {
                        using var batch = new WriteBatch();
                        for (int i = 0; i < block.Transactions.Length; i++)
                            batch.Put(StorageKeys.TransactionKey(block.Transactions[i].Txid), LocationRecord.ToBytes(new TransactionLocation(path[height], i)), _db.TransactionIndex);
                        _db.Write(batch, sync: false);
                    }
                    _indexedHeight = height;
                }
            }
            lock (_commitLock)
            {
                if (_closed)
                    return;
                WriteSyncedMarker(present: true);
                _indexSynced = true;
            }
            Log.TransactionIndexBuilt(_logger, start.Height);
        }
        catch (OperationCanceledException)
        {
            // The store is closing; the next open starts again.
        }
        catch (Exception e) when (e is ChainStoreException or ObjectDisposedException)
        {
            Log.TransactionIndexFailed(_logger, e);
        }
    }

    private bool IsConnected(BlockHash block)
    {
        _stateLock.EnterReadLock();
        try
        {
            if (_pendingUndo.TryGetValue(block, out var pending))
                return pending is not null;
        }
        finally
        {
            _stateLock.ExitReadLock();
        }
        return _db.Contains(StorageKeys.BlockKey(block), _db.Undo);
    }

    private void WriteSyncedMarker(bool present)
    {
        using var batch = new WriteBatch();
        if (present)
            batch.Put(StorageKeys.TransactionIndexSynced, [], _db.Meta);
        else
            batch.Delete(StorageKeys.TransactionIndexSynced, _db.Meta);
        _db.Write(batch, sync: true);
    }
}
