using Antimony.Consensus.Storage;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Serialization;

namespace Antimony.Storage.RocksDb.Records;

/// <summary>The stored tip: the 32-byte block id and the height as a little-endian int32.</summary>
internal static class TipRecord
{
    /// <summary>The record's size.</summary>
    public const int Size = Hash256.Size + 4;

    /// <summary>The stored form of <paramref name="tip"/>.</summary>
    public static byte[] ToBytes(ChainTip tip)
    {
        var bytes = new byte[Size];
        var writer = new ConsensusWriter(bytes);
        writer.WriteHash256(tip.Hash.Value);
        writer.WriteInt32(tip.Height);
        return bytes;
    }

    /// <summary>Decodes a stored tip.</summary>
    /// <exception cref="DecodeException">Not exactly <see cref="Size"/> bytes, or a negative height.</exception>
    public static ChainTip Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ConsensusReader(bytes);
        var hash = new BlockHash(reader.ReadHash256());
        int height = reader.ReadInt32();
        reader.EnsureAtEnd();
        if (height < 0)
            throw new DecodeException(DecodeError.InvalidValue, Hash256.Size, $"Tip height {height} is negative");
        return new ChainTip(hash, height);
    }
}
