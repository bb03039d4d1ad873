using System.Numerics;
using Antimony.Primitives.Hashing;

namespace Antimony.Consensus.Difficulty;

/// <summary>
/// Bitcoin's compact target ("nBits") codec and chain-work arithmetic on exact integers.
/// </summary>
/// <remarks>
/// Kept internal and on <see cref="BigInteger"/> until the Primitives' <c>UInt256</c>/<c>CompactTarget</c>
/// land; the rules (sign bit, overflow, zero) are Core's <c>arith_uint256::SetCompact</c>/<c>GetCompact</c>.
/// </remarks>
internal static class TargetMath
{
    /// <summary>2^256, the size of the hash space.</summary>
    public static readonly BigInteger HashSpace = BigInteger.One << 256;

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

    /// <summary>The expected number of hashes to find a block at <paramref name="target"/>: 2^256 / (target + 1).</summary>
    public static BigInteger GetWork(BigInteger target) => HashSpace / (target + 1);

    /// <summary>A hash read as the little-endian 256-bit number it is compared as.</summary>
    public static BigInteger ToInteger(in Hash256 hash) => new(Hash256.AsBytes(in hash), isUnsigned: true, isBigEndian: false);
}
