using RocksDbSharp;

namespace Antimony.Storage.RocksDb.Tests.Store;

/// <summary>Direct RocksDB access to a closed store's directory, to damage or rewrite records the way a bug or a disk could.</summary>
internal static class RawDatabase
{
    private static readonly string[] Families = ["blocks", "index", "coins", "undo", "meta", "txindex"];

    /// <summary>Runs <paramref name="action"/> on the store's database with its column families.</summary>
    public static void Edit(string directory, Action<RocksDbSharp.RocksDb> action)
    {
        var families = new ColumnFamilies();
        foreach (var name in Families)
            families.Add(name, new ColumnFamilyOptions());
        using var db = RocksDbSharp.RocksDb.Open(new DbOptions(), directory, families);
        action(db);
    }

    /// <summary>Puts <paramref name="value"/> under <paramref name="key"/> in column family <paramref name="family"/>.</summary>
    public static void Put(string directory, string family, byte[] key, byte[] value) =>
        Edit(directory, db => db.Put(key, value, db.GetColumnFamily(family)));

    /// <summary>Every data file of the database, largest first.</summary>
    public static IReadOnlyList<FileInfo> DataFiles(string directory) =>
        [.. new DirectoryInfo(directory).GetFiles("*.sst").OrderByDescending(f => f.Length)];
}
