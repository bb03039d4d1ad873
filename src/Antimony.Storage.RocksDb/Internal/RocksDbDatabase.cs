using Antimony.Primitives.Serialization;
using RocksDbSharp;

namespace Antimony.Storage.RocksDb.Internal;

/// <summary>
/// The one RocksDB database behind both stores: its column family handles, and every call into RocksDB,
/// so that RocksDB's failures surface as <see cref="ChainStoreException"/>s naming the problem.
/// </summary>
internal sealed class RocksDbDatabase : IDisposable
{
    private readonly RocksDbSharp.RocksDb _db;
    private readonly WriteOptions _syncWrite = new WriteOptions().SetSync(true);
    private readonly WriteOptions _plainWrite = new WriteOptions().SetSync(false);
    private readonly ReadOptions _read = new ReadOptions().SetVerifyChecksums(true);
    // Recursion is allowed so that a scan's visitor may read (same thread, nested shared hold).
    private readonly ReaderWriterLockSlim _lifetime = new(LockRecursionPolicy.SupportsRecursion);
    private bool _disposed;

    private RocksDbDatabase(RocksDbSharp.RocksDb db, string directory)
    {
        _db = db;
        Directory = directory;
        Blocks = db.GetColumnFamily(ColumnFamily.Blocks);
        Index = db.GetColumnFamily(ColumnFamily.Index);
        Coins = db.GetColumnFamily(ColumnFamily.Coins);
        Undo = db.GetColumnFamily(ColumnFamily.Undo);
        Meta = db.GetColumnFamily(ColumnFamily.Meta);
        TransactionIndex = db.GetColumnFamily(ColumnFamily.TransactionIndex);
    }

    /// <summary>The transaction index family (empty unless the index is enabled).</summary>
    public ColumnFamilyHandle TransactionIndex { get; }

    public string Directory { get; }

    public ColumnFamilyHandle Blocks { get; }

    public ColumnFamilyHandle Index { get; }

    public ColumnFamilyHandle Coins { get; }

    public ColumnFamilyHandle Undo { get; }

    public ColumnFamilyHandle Meta { get; }

    /// <summary>
    /// Opens (or creates) the database in <paramref name="directory"/>. An existing database must have every
    /// column family of the schema.
    /// </summary>
    public static RocksDbDatabase Open(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        bool created = !File.Exists(Path.Combine(directory, "CURRENT"));
        // Paranoid checks make open verify the files the manifest lists (sizes included); point-in-time
        // WAL recovery replays whole write batches up to the first damaged record and no further, so the
        // state after a crash is always the one after some complete batch.
        var options = new DbOptions()
            .SetCreateIfMissing(created)
            .SetCreateMissingColumnFamilies(created)
            .SetParanoidChecks(true)
            .SetWalRecoveryMode(Recovery.PointInTime)
            .SetKeepLogFileNum(4)
            .SetInfoLogLevel(InfoLogLevel.Warn);
        if (!created)
        {
            string[] existing = Translate(() => RocksDbSharp.RocksDb.ListColumnFamilies(options, directory).ToArray(), directory, "list column families");
            var missing = ColumnFamily.All.Where(name => !existing.Contains(name, StringComparer.Ordinal)).ToList();
            // A store written before the transaction index existed gains its (empty) family.
            if (missing.Remove(ColumnFamily.TransactionIndex))
                options.SetCreateMissingColumnFamilies(true);
            if (missing.Count > 0)
                throw new ChainStoreException(ChainStoreError.NotAnAntimonyStore,
                    $"The database in '{directory}' lacks the column families {string.Join(", ", missing)}");
        }
        var families = new ColumnFamilies();
        foreach (var name in ColumnFamily.All)
            families.Add(name, new ColumnFamilyOptions());
        var db = Translate(() => RocksDbSharp.RocksDb.Open(options, directory, families), directory, "open the database");
        return new RocksDbDatabase(db, directory);
    }

    /// <summary>The value stored under <paramref name="key"/>, or <see langword="null"/>.</summary>
    public byte[]? Get(ReadOnlySpan<byte> key, ColumnFamilyHandle family)
    {
        Enter();
        try
        {
            return _db.Get(key, family, _read);
        }
        catch (RocksDbException e)
        {
            throw Translate(e, Directory, "read");
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    /// <summary>Whether a value is stored under <paramref name="key"/>.</summary>
    public bool Contains(ReadOnlySpan<byte> key, ColumnFamilyHandle family)
    {
        Enter();
        try
        {
            return _db.HasKey(key, family, _read);
        }
        catch (RocksDbException e)
        {
            throw Translate(e, Directory, "read");
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    /// <summary>Applies <paramref name="batch"/> atomically; with <paramref name="sync"/>, waits for the log to reach the disk.</summary>
    public void Write(WriteBatch batch, bool sync)
    {
        Enter();
        try
        {
            _db.Write(batch, sync ? _syncWrite : _plainWrite);
        }
        catch (RocksDbException e)
        {
            throw Translate(e, Directory, "write");
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with every key and value of <paramref name="family"/> in key order,
    /// until it returns <see langword="false"/>. The spans are valid only during the call.
    /// </summary>
    public void Scan(ColumnFamilyHandle family, ScanVisitor visit)
    {
        Enter();
        try
        {
            using var iterator = _db.NewIterator(family, _read);
            for (iterator.SeekToFirst(); iterator.Valid(); iterator.Next())
            {
                if (!visit(iterator.GetKeySpan(), iterator.GetValueSpan()))
                    return;
            }
            // An iterator stops being valid both at the end and on an error; only the error check tells them apart.
            Native.Instance.rocksdb_iter_get_error(iterator.Handle);
        }
        catch (RocksDbException e)
        {
            throw Translate(e, Directory, "scan");
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    /// <summary>Whether <paramref name="family"/> holds no record at all.</summary>
    public bool IsEmpty(ColumnFamilyHandle family)
    {
        bool empty = true;
        Scan(family, (_, _) => empty = false);
        return empty;
    }

    /// <summary>Reads every data file and verifies its checksums.</summary>
    public void VerifyChecksums()
    {
        Enter();
        try
        {
            Native.Instance.rocksdb_verify_checksum(_db.Handle);
        }
        catch (RocksDbException e)
        {
            throw Translate(e, Directory, "verify checksums");
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    /// <summary>Writes the memtables to data files (used by tests that damage data files).</summary>
    internal void FlushMemtables()
    {
        Enter();
        try
        {
            var options = new FlushOptions().SetWaitForFlush(true);
            foreach (var family in new[] { Blocks, Index, Coins, Undo, Meta, TransactionIndex })
                Native.Instance.rocksdb_flush_cf(_db.Handle, options.Handle, family.Handle);
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    /// <summary>
    /// Closes the database (RocksDB syncs and releases its lock file) once the calls in flight have returned;
    /// later calls throw <see cref="ObjectDisposedException"/> instead of touching freed native memory.
    /// </summary>
    public void Dispose()
    {
        _lifetime.EnterWriteLock();
        try
        {
            if (_disposed)
                return;
            _disposed = true;
            _db.Dispose();
        }
        finally
        {
            _lifetime.ExitWriteLock();
        }
    }

    // Every call holds the lifetime lock shared, so Dispose (exclusive) never frees the database under a call.
    private void Enter()
    {
        _lifetime.EnterReadLock();
        if (_disposed)
        {
            _lifetime.ExitReadLock();
            throw new ObjectDisposedException(nameof(RocksDbStore));
        }
    }

    private static T Translate<T>(Func<T> action, string directory, string what)
    {
        try
        {
            return action();
        }
        catch (RocksDbException e)
        {
            throw Translate(e, directory, what);
        }
    }

    /// <summary>RocksDB prefixes its status messages with the code ("Corruption: ...").</summary>
    public static ChainStoreException Translate(RocksDbException e, string directory, string what) =>
        e.Message.Contains("Corruption", StringComparison.OrdinalIgnoreCase)
            ? new ChainStoreException(ChainStoreError.Corrupted, $"RocksDB found corrupted data in '{directory}' while trying to {what}: {e.Message}", e)
            : new ChainStoreException(ChainStoreError.IOFailure, $"RocksDB failed to {what} in '{directory}': {e.Message}", e);

    /// <summary>A decoding failure of a stored record, reported as corruption naming the record.</summary>
    public ChainStoreException Corrupted(string record, DecodeException e) =>
        new(ChainStoreError.Corrupted, $"The stored {record} in '{Directory}' does not decode: {e.Message}", e);
}
