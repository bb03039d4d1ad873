using System.Buffers.Binary;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Utilities;

namespace Antimony.Primitives.Signing;

/// <summary>A non-negative scalar of up to 256 bits as four little-endian limbs, read a window of bits at a time.</summary>
internal readonly struct MsmScalar
{
    private readonly ulong _l0, _l1, _l2, _l3;

    private MsmScalar(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
    }

    /// <summary>The scalar |<paramref name="value"/>| (below 2^256).</summary>
    public static MsmScalar FromMagnitude(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        BigIntegers.AsUnsignedByteArray(value.Abs(), bytes);
        return new MsmScalar(BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]), BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]), BinaryPrimitives.ReadUInt64BigEndian(bytes));
    }

    /// <summary>Bits needed to write the value (0 for zero).</summary>
    public int BitLength =>
        _l3 != 0 ? 256 - (int)ulong.LeadingZeroCount(_l3)
        : _l2 != 0 ? 192 - (int)ulong.LeadingZeroCount(_l2)
        : _l1 != 0 ? 128 - (int)ulong.LeadingZeroCount(_l1)
        : 64 - (int)ulong.LeadingZeroCount(_l0);

    /// <summary>The <paramref name="width"/> bits (at most 16) starting at bit <paramref name="offset"/>.</summary>
    public int Window(int offset, int width)
    {
        if (offset >= 256)
            return 0;
        int limb = offset >> 6, shift = offset & 63;
        ulong low = Limb(limb) >> shift;
        if (shift + width > 64 && limb < 3)
            low |= Limb(limb + 1) << (64 - shift);
        return (int)(low & ((1UL << width) - 1));
    }

    private ulong Limb(int index) => index switch { 0 => _l0, 1 => _l1, 2 => _l2, _ => _l3 };
}
