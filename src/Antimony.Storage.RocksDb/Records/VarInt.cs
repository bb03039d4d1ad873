using Antimony.Primitives.Serialization;

namespace Antimony.Storage.RocksDb.Records;

/// <summary>
/// Bitcoin Core's storage VarInt (serialize.h): big-endian base-128 where each continuation subtracts one,
/// so every value has exactly one encoding. Used only in the store's own records, never on the wire.
/// </summary>
internal static class VarInt
{
    /// <summary>The longest encoding of a 64-bit value.</summary>
    public const int MaxSize = 10;

    /// <summary>The encoded size of <paramref name="value"/>.</summary>
    public static int SizeOf(ulong value)
    {
        int size = 1;
        while (value > 0x7F)
        {
            value = (value >> 7) - 1;
            size++;
        }
        return size;
    }

    /// <summary>Writes <paramref name="value"/>.</summary>
    public static void Write(ref ConsensusWriter writer, ulong value)
    {
        Span<byte> scratch = stackalloc byte[MaxSize];
        int length = 0;
        while (true)
        {
            scratch[length] = (byte)((value & 0x7F) | (length > 0 ? 0x80u : 0u));
            if (value <= 0x7F)
                break;
            value = (value >> 7) - 1;
            length++;
        }
        for (int i = length; i >= 0; i--)
            writer.WriteByte(scratch[i]);
    }

    /// <summary>Reads a value no larger than <paramref name="max"/>.</summary>
    /// <exception cref="DecodeException">Truncated, or larger than <paramref name="max"/>.</exception>
    public static ulong Read(ref ConsensusReader reader, ulong max = ulong.MaxValue)
    {
        int start = reader.Position;
        ulong value = 0;
        while (true)
        {
            byte next = reader.ReadByte();
            if (value > (max >> 7))
                throw new DecodeException(DecodeError.Oversized, start, $"VarInt exceeds {max}");
            value = (value << 7) | (next & 0x7Fu);
            if ((next & 0x80) == 0)
                return value;
            if (value == max)
                throw new DecodeException(DecodeError.Oversized, start, $"VarInt exceeds {max}");
            value++;
        }
    }
}
