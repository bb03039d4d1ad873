namespace Antimony.Storage.RocksDb;

/// <summary>
/// Settings of the RocksDB store: where it lives, how much memory the coin cache may use and how often
/// the cached state is written out.
/// </summary>
/// <remarks>
/// Durability against throughput: a flush is one RocksDB write batch holding every changed coin, the undo
/// data and the tip record, so the database always holds some complete tip. Between flushes, committed
/// blocks live only in memory; a crash loses them and the node comes back up to
/// <see cref="MaxUnflushedBlocks"/> blocks back (their blocks are still in the block store, so they are
/// simply connected again). Larger values batch more coins per write, which is what makes an initial
/// block download fast; 1 makes every committed block durable before <c>Commit</c> returns.
/// </remarks>
public sealed class RocksDbStoreOptions
{
    /// <summary>The default coin cache budget: 256 MiB.</summary>
    public const long DefaultCacheSizeBytes = 256L * 1024 * 1024;

    /// <summary>The default number of blocks that may be committed before a flush: 10 (two minutes of 12 s blocks).</summary>
    public const int DefaultMaxUnflushedBlocks = 10;

    /// <summary>The directory holding the database (created if missing).</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>
    /// The memory budget of the coin cache in bytes (estimated per entry). When the cached coins reach it,
    /// the dirty ones are flushed and the cache is emptied. Must be positive.
    /// </summary>
    public long CacheSizeBytes { get; set; } = DefaultCacheSizeBytes;

    /// <summary>
    /// How many committed blocks may stay in the cache only, at most, before their changes are flushed with
    /// the tip (see the remarks on the trade-off). Must be at least 1.
    /// </summary>
    public int MaxUnflushedBlocks { get; set; } = DefaultMaxUnflushedBlocks;

    /// <summary>
    /// Whether a flush waits for the write-ahead log to reach the disk (fsync) before it returns. On by
    /// default: without it a process crash still loses nothing the flush wrote (the log is in the OS), but
    /// a power loss can take the last flushes back. Switching it off trades that for throughput; the state
    /// after a power loss is still a consistent, earlier tip. The write-ahead log itself is always on.
    /// </summary>
    public bool SyncWrites { get; set; } = true;

    /// <summary>
    /// Whether opening reads every data file once to verify its checksums, so corruption is reported at
    /// start-up rather than on first read (reads always verify the blocks they touch). Off by default:
    /// it reads the whole database.
    /// </summary>
    public bool VerifyChecksumsOnOpen { get; set; }

    /// <summary>
    /// Keep the transaction index (Core's <c>-txindex</c>) in its own column family, written with each block's
    /// coins; set by <c>AddTransactionIndex()</c>. Enabled on a store that already has a chain, the index is
    /// built in the background from genesis while the node runs. Off by default.
    /// </summary>
    public bool IndexTransactions { get; set; }
}
