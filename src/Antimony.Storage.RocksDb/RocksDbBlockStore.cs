using System.Diagnostics.CodeAnalysis;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Serialization;
using Antimony.Storage.RocksDb.Internal;
using Antimony.Storage.RocksDb.Records;
using RocksDbSharp;

namespace Antimony.Storage.RocksDb;

/// <summary>
/// Full blocks and the header index in RocksDB. Writes go through the write-ahead log without waiting for
/// the disk: the chain state's next synced flush makes them durable too (the log is written in order), so a
/// tip that survives a crash always has its blocks. Thread-safe. Created and owned by <see cref="RocksDbStore"/>.
/// </summary>
public sealed class RocksDbBlockStore : IBlockStore
{
    private readonly RocksDbDatabase _db;

    internal RocksDbBlockStore(RocksDbDatabase db) => _db = db;

    /// <inheritdoc />
    /// <exception cref="ChainStoreException">RocksDB failed.</exception>
    public void PutBlock(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var key = StorageKeys.BlockKey(block.Hash);
        if (_db.Contains(key, _db.Blocks))
            return;
        using var batch = new WriteBatch();
        batch.Put(key, block.ToBytes(), _db.Blocks);
        _db.Write(batch, sync: false);
    }

    /// <inheritdoc />
    /// <exception cref="ChainStoreException">The stored block is corrupted or RocksDB failed.</exception>
    public bool TryGetBlock(BlockHash hash, [MaybeNullWhen(false)] out Block block)
    {
        var bytes = _db.Get(StorageKeys.BlockKey(hash), _db.Blocks);
        if (bytes is null)
        {
            block = null;
            return false;
        }
        try
        {
            block = Block.Parse(bytes);
        }
        catch (DecodeException e)
        {
            throw _db.Corrupted($"block {hash}", e);
        }
        if (block.Hash != hash)
            throw new ChainStoreException(ChainStoreError.Corrupted, $"The block stored under {hash} in '{_db.Directory}' has id {block.Hash}");
        return true;
    }

    /// <inheritdoc />
    /// <exception cref="ChainStoreException">RocksDB failed.</exception>
    public bool ContainsBlock(BlockHash hash) => _db.Contains(StorageKeys.BlockKey(hash), _db.Blocks);

    /// <inheritdoc />
    /// <exception cref="ChainStoreException">RocksDB failed.</exception>
    public void PutIndex(IReadOnlyCollection<BlockIndexRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
            return;
        using var batch = new WriteBatch();
        foreach (var record in records)
            batch.Put(StorageKeys.BlockKey(record.Header.Hash), IndexRecord.ToBytes(record), _db.Index);
        _db.Write(batch, sync: false);
    }

    /// <inheritdoc />
    /// <exception cref="ChainStoreException">A stored record is corrupted or RocksDB failed.</exception>
    public IReadOnlyCollection<BlockIndexRecord> ReadIndex()
    {
        var records = new List<BlockIndexRecord>();
        _db.Scan(_db.Index, (key, value) =>
        {
            BlockIndexRecord record;
            try
            {
                record = IndexRecord.Decode(value);
            }
            catch (DecodeException e)
            {
                throw _db.Corrupted($"index record {Convert.ToHexStringLower(key)}", e);
            }
            if (!StorageKeys.TryReadBlockKey(key, out var hash) || hash != record.Header.Hash)
                throw new ChainStoreException(ChainStoreError.Corrupted, $"The index record under {Convert.ToHexStringLower(key)} in '{_db.Directory}' is for block {record.Header.Hash}");
            records.Add(record);
            return true;
        });
        return records;
    }
}
