using System.Numerics;

namespace Antimony.Consensus.Difficulty;

/// <summary>
/// Bitcoin's compact target ("nBits") codec on exact integers, for LWMA-1's wide intermediates.
/// </summary>
/// <remarks>
/// LWMA-1's products exceed 256 bits, so it works on <see cref="BigInteger"/>; tests pin this codec to the
/// Primitives' <c>CompactTarget</c>. The rules (sign bit, overflow, zero) are Core's <c>arith_uint256::SetCompact</c>/<c>GetCompact</c>.
/// </remarks>
internal static class TargetMath
{
    /// <summary>
    /// Decodes <paramref name="bits"/>; false when the encoding is negative, overflows 256 bits or is zero,
    /// none of which is a usable target.
    /// </summary>
    public static bool TryDecode(uint bits, out BigInteger target)
    {
        int size = (int)(bits >> 24);
        uint word = bits & 0x007fffff;
        bool negative = word != 0 && (bits & 0x00800000) != 0;
        bool overflow = word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
        target = size <= 3 ? new BigInteger(word >> (8 * (3 - size))) : new BigInteger(word) << (8 * (size - 3));
        return !negative && !overflow && !target.IsZero;
    }

    /// <summary>Decodes bits known to be valid (from parameters or an accepted header).</summary>
    public static BigInteger Decode(uint bits) =>
        TryDecode(bits, out var target) ? target : throw new ArgumentException($"0x{bits:x8} is not a valid compact target.", nameof(bits));

    /// <summary>Encodes a non-negative target, truncating to the 23-bit mantissa as Core does.</summary>
    public static uint Encode(BigInteger target)
    {
        if (target.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(target), "A target is never negative.");
        int size = target.IsZero ? 0 : (int)((target.GetBitLength() + 7) / 8);
        uint compact = size <= 3
            ? (uint)(target << (8 * (3 - size)))
            : (uint)(target >> (8 * (size - 3)));
        // The mantissa's top bit is the sign; move a set one into the next byte.
        if ((compact & 0x00800000) != 0)
        {
            compact >>= 8;
            size++;
        }
        return compact | ((uint)size << 24);
    }

}
