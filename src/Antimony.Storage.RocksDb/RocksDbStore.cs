using System.Buffers.Binary;
using System.Diagnostics.Metrics;
using Antimony.Consensus.Storage;
using Antimony.Primitives.Serialization;
using Antimony.Storage.RocksDb.Internal;
using Antimony.Storage.RocksDb.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RocksDbSharp;

namespace Antimony.Storage.RocksDb;

/// <summary>
/// One RocksDB database holding a node's blocks, header index and chain state, with the two stores over
/// it. Opening validates the store and recovers from a crash; disposing flushes the coin cache and closes
/// the database cleanly.
/// </summary>
public sealed class RocksDbStore : IDisposable, IAsyncDisposable
{
    /// <summary>The schema version this build writes and reads; a store with any other version is refused.</summary>
    public const uint SchemaVersion = 1;

    private readonly RocksDbDatabase _db;
    private readonly StoreMetrics _metrics;
    private readonly ILogger _logger;
    private int _disposed;

    private RocksDbStore(RocksDbDatabase db, RocksDbStoreOptions options, ChainTip? tip, ILoggerFactory loggerFactory, StoreMetrics metrics)
    {
        _db = db;
        _metrics = metrics;
        _logger = loggerFactory.CreateLogger<RocksDbStore>();
        RecoveredTip = tip;
        Blocks = new RocksDbBlockStore(db);
        ChainState = new RocksDbChainStateStore(db, Blocks, options, tip, loggerFactory.CreateLogger<RocksDbChainStateStore>(), metrics);
        ChainState.StartTransactionIndex();
    }

    /// <summary>The blocks and header index.</summary>
    public RocksDbBlockStore Blocks { get; }

    /// <summary>The UTXO set, undo data and tip.</summary>
    public RocksDbChainStateStore ChainState { get; }

    /// <summary>
    /// The tip the chain state was at when the store was opened (<see langword="null"/> for a new store):
    /// after a crash, the last flushed tip, possibly a few blocks before the last committed one.
    /// </summary>
    public ChainTip? RecoveredTip { get; }

    /// <summary>The database directory.</summary>
    public string DataDirectory => _db.Directory;

    /// <summary>
    /// Opens the store in <see cref="RocksDbStoreOptions.DataDirectory"/>, creating it if the directory holds
    /// no database. RocksDB replays its write-ahead log, so after a crash the store comes back at the last
    /// flushed tip with exactly that tip's coins.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="RocksDbStoreOptions"/>).</exception>
    /// <exception cref="ChainStoreException">
    /// The directory holds something else (<see cref="ChainStoreError.NotAnAntimonyStore"/>), a store of another
    /// schema version (<see cref="ChainStoreError.UnknownSchemaVersion"/>), damaged data
    /// (<see cref="ChainStoreError.Corrupted"/>), or RocksDB failed (<see cref="ChainStoreError.IOFailure"/>,
    /// e.g. another process has the store open).
    /// </exception>
    public static RocksDbStore Open(RocksDbStoreOptions options, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = RocksDbStoreOptionsValidator.Check(options);
        if (failures.Count > 0)
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<RocksDbStore>();
        string directory = Path.GetFullPath(options.DataDirectory);
        RocksDbDatabase? db = null;
        try
        {
            db = RocksDbDatabase.Open(directory);
            var tip = Validate(db, logger);
            if (options.VerifyChecksumsOnOpen)
                db.VerifyChecksums();
            Log.Opened(logger, directory, tip?.ToString() ?? "none");
            return new RocksDbStore(db, options, tip, loggerFactory, new StoreMetrics(meterFactory));
        }
        catch (ChainStoreException e)
        {
            Log.OpenFailed(logger, directory, e);
            db?.Dispose();
            throw;
        }
        catch
        {
            db?.Dispose();
            throw;
        }
    }

    /// <summary>Flushes the coin cache and closes the database (idempotent).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            ChainState.StopTransactionIndex();
            var tip = ChainState.Close();
            Log.Closing(_logger, _db.Directory, tip?.ToString() ?? "none");
        }
        finally
        {
            _db.Dispose();
            _metrics.Dispose();
        }
    }

    /// <summary>Flushes the coin cache and closes the database (idempotent); the work is synchronous.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Closes the database without flushing the coin cache, losing the unflushed blocks as a crash would
    /// (tests use it to check where the store comes back).
    /// </summary>
    internal void CloseWithoutFlush()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        ChainState.StopTransactionIndex();
        _db.Dispose();
        _metrics.Dispose();
    }

    /// <summary>Writes the memtables to data files (tests use it to damage data files on purpose).</summary>
    internal void FlushMemtables() => _db.FlushMemtables();

    // The schema record decides whether this build may touch the data; the tip record must agree with the
    // coins (a store with coins or undo data but no tip was not written by this code).
    private static ChainTip? Validate(RocksDbDatabase db, ILogger logger)
    {
        var version = db.Get(StorageKeys.SchemaVersion, db.Meta);
        if (version is null)
        {
            bool empty = db.IsEmpty(db.Meta) && db.IsEmpty(db.Coins) && db.IsEmpty(db.Undo) && db.IsEmpty(db.Blocks) && db.IsEmpty(db.Index);
            if (!empty)
                throw new ChainStoreException(ChainStoreError.NotAnAntimonyStore, $"The database in '{db.Directory}' holds data but no schema version record");
            using var batch = new WriteBatch();
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, SchemaVersion);
            batch.Put(StorageKeys.SchemaVersion, bytes, db.Meta);
            db.Write(batch, sync: true);
            Log.Created(logger, db.Directory);
        }
        else if (version.Length != 4)
        {
            throw new ChainStoreException(ChainStoreError.Corrupted, $"The schema version record in '{db.Directory}' has {version.Length} bytes instead of 4");
        }
        else if (BinaryPrimitives.ReadUInt32LittleEndian(version) is var stored && stored != SchemaVersion)
        {
            throw new ChainStoreException(ChainStoreError.UnknownSchemaVersion,
                $"The store in '{db.Directory}' has schema version {stored}; this build reads only version {SchemaVersion}");
        }
        var tip = db.Get(StorageKeys.Tip, db.Meta);
        if (tip is null)
        {
            if (!db.IsEmpty(db.Coins) || !db.IsEmpty(db.Undo))
                throw new ChainStoreException(ChainStoreError.Corrupted, $"The store in '{db.Directory}' holds coins or undo data but no tip record");
            return null;
        }
        try
        {
            return TipRecord.Decode(tip);
        }
        catch (DecodeException e)
        {
            throw db.Corrupted("tip record", e);
        }
    }
}
