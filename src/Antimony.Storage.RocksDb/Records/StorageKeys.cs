using System.Buffers.Binary;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Transactions;

namespace Antimony.Storage.RocksDb.Records;

/// <summary>
/// Key layouts of schema version 1. Each kind of record has its own column family, so keys carry no
/// prefix: blocks, index and undo are keyed by the 32-byte block id, coins by txid and big-endian output
/// index (so a transaction's outputs sort together), meta by ASCII names.
/// </summary>
internal static class StorageKeys
{
    /// <summary>The size of a coin key.</summary>
    public const int CoinKeySize = Hash256.Size + 4;

    /// <summary>The meta key of the schema version record (a little-endian uint32).</summary>
    public static ReadOnlySpan<byte> SchemaVersion => "schema-version"u8;

    /// <summary>The meta key of the tip record (<see cref="TipRecord"/>).</summary>
    public static ReadOnlySpan<byte> Tip => "tip"u8;

    /// <summary>The meta key present while the transaction index covers the whole active chain (no value).</summary>
    public static ReadOnlySpan<byte> TransactionIndexSynced => "txindex-synced"u8;

    /// <summary>The transaction index key of <paramref name="txid"/>: its 32 bytes in internal order.</summary>
    public static byte[] TransactionKey(Txid txid) => txid.Value.ToArray();

    /// <summary>Writes the key of <paramref name="outPoint"/> into <paramref name="destination"/> (36 bytes).</summary>
    public static void WriteCoinKey(in OutPoint outPoint, Span<byte> destination)
    {
        outPoint.Txid.Value.CopyTo(destination);
        BinaryPrimitives.WriteUInt32BigEndian(destination[Hash256.Size..], outPoint.Index);
    }

    /// <summary>The key of <paramref name="outPoint"/> as a new array.</summary>
    public static byte[] CoinKey(in OutPoint outPoint)
    {
        var key = new byte[CoinKeySize];
        WriteCoinKey(outPoint, key);
        return key;
    }

    /// <summary>The outpoint a coin key names, or <see langword="false"/> if the key is not 36 bytes.</summary>
    public static bool TryReadCoinKey(ReadOnlySpan<byte> key, out OutPoint outPoint)
    {
        outPoint = default;
        if (key.Length != CoinKeySize)
            return false;
        outPoint = new OutPoint(new Txid(new Hash256(key[..Hash256.Size])), BinaryPrimitives.ReadUInt32BigEndian(key[Hash256.Size..]));
        return true;
    }

    /// <summary>The key of a block-keyed record.</summary>
    public static byte[] BlockKey(BlockHash hash) => hash.Value.ToArray();

    /// <summary>The block id a block-keyed record's key names, or <see langword="false"/> if the key is not 32 bytes.</summary>
    public static bool TryReadBlockKey(ReadOnlySpan<byte> key, out BlockHash hash)
    {
        hash = default;
        if (key.Length != Hash256.Size)
            return false;
        hash = new BlockHash(new Hash256(key));
        return true;
    }
}
