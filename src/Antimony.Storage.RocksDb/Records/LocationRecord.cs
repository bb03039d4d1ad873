using Antimony.Consensus.Storage;
using Antimony.Primitives.Blocks;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Serialization;

namespace Antimony.Storage.RocksDb.Records;

/// <summary>A transaction index value: the block's 32-byte id and the position as a little-endian int32.</summary>
internal static class LocationRecord
{
    /// <summary>The record's size.</summary>
    public const int Size = Hash256.Size + 4;

    /// <summary>The stored form of <paramref name="location"/>.</summary>
    public static byte[] ToBytes(TransactionLocation location)
    {
        var bytes = new byte[Size];
        var writer = new ConsensusWriter(bytes);
        writer.WriteHash256(location.Block.Value);
        writer.WriteInt32(location.Position);
        return bytes;
    }

    /// <summary>Decodes a stored location.</summary>
    /// <exception cref="DecodeException">Not exactly <see cref="Size"/> bytes, or a negative position.</exception>
    public static TransactionLocation Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new ConsensusReader(bytes);
        var block = new BlockHash(reader.ReadHash256());
        int position = reader.ReadInt32();
        reader.EnsureAtEnd();
        if (position < 0)
            throw new DecodeException(DecodeError.InvalidValue, Hash256.Size, $"Transaction position {position} is negative");
        return new TransactionLocation(block, position);
    }
}
