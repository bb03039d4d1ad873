namespace Antimony.Storage.RocksDb.Internal;

/// <summary>The column families of schema version 1, one per kind of record.</summary>
internal static class ColumnFamily
{
    /// <summary>Full blocks by id.</summary>
    public const string Blocks = "blocks";

    /// <summary>Header index records by block id.</summary>
    public const string Index = "index";

    /// <summary>Unspent coins by outpoint.</summary>
    public const string Coins = "coins";

    /// <summary>Undo data by block id.</summary>
    public const string Undo = "undo";

    /// <summary>The schema version and the tip.</summary>
    public const string Meta = "meta";

    /// <summary>Every column family the store needs.</summary>
    /// <summary>The transaction index (txid to block hash and position); created on first open by this version.</summary>
    public const string TransactionIndex = "txindex";

    public static IReadOnlyList<string> All { get; } = [Blocks, Index, Coins, Undo, Meta, TransactionIndex];
}
