using System.Globalization;
using Antimony.Primitives.Blocks;

namespace Antimony.Primitives.Numerics;

/// <summary>
/// A block header's <c>bits</c> field: Bitcoin's compact ("nBits") encoding of a 256-bit target, with
/// Bitcoin Core's exact <c>SetCompact</c>/<c>GetCompact</c> semantics.
/// </summary>
/// <remarks>
/// The top byte is a base-256 exponent (the target's length in bytes) and the low 23 bits a mantissa;
/// bit 23 is a sign bit. A compact value is usable as a target only when it is not negative, does
/// not overflow 256 bits and is not zero, exactly as Bitcoin Core's <c>CheckProofOfWork</c> requires.
/// Many compact values expand to the same target (e.g. <c>0x01003456</c> and <c>0</c> both mean zero);
/// <see cref="FromTarget"/> produces the canonical one.
/// </remarks>
/// <param name="Value">The 32-bit field as it appears in the header (little-endian on the wire).</param>
public readonly record struct CompactTarget(uint Value)
{
    private const uint SignBit = 0x0080_0000;
    private const uint MantissaMask = 0x007f_ffff;

    /// <summary>
    /// Expands the compact form exactly as Bitcoin Core's <c>arith_uint256::SetCompact</c>: the value
    /// (mantissa bits shifted above bit 255 are lost) and the negative and overflow flags.
    /// </summary>
    public UInt256 Expand(out bool negative, out bool overflow)
    {
        int size = (int)(Value >> 24);
        uint word = Value & MantissaMask;
        UInt256 result;
        if (size <= 3)
        {
            // Core shifts the mantissa itself here, so the flags below see the shifted word.
            word >>= 8 * (3 - size);
            result = new UInt256(word);
        }
        else
        {
            // Shifts of 256 bits or more leave nothing (Core), not the operator's modulo-256 count.
            int shift = 8 * (size - 3);
            result = shift >= 256 ? UInt256.Zero : new UInt256(word) << shift;
        }
        negative = word != 0 && (Value & SignBit) != 0;
        overflow = word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
        return result;
    }

    /// <summary>Why this compact form is not a usable target, or <see cref="CompactTargetError.None"/>.</summary>
    public CompactTargetError Validate()
    {
        TryGetTarget(out _, out var error);
        return error;
    }

    /// <summary>The target, when the compact form is usable (not negative, no overflow, not zero).</summary>
    public bool TryGetTarget(out UInt256 target) => TryGetTarget(out target, out _);

    /// <summary>The target, or the reason the compact form is unusable.</summary>
    public bool TryGetTarget(out UInt256 target, out CompactTargetError error)
    {
        target = Expand(out bool negative, out bool overflow);
        error = negative ? CompactTargetError.Negative
            : overflow ? CompactTargetError.Overflow
            : target.IsZero ? CompactTargetError.Zero
            : CompactTargetError.None;
        if (error == CompactTargetError.None)
            return true;
        target = UInt256.Zero;
        return false;
    }

    /// <summary>The target.</summary>
    /// <exception cref="CompactTargetException">The compact form is negative, overflows or is zero.</exception>
    public UInt256 ToTarget() =>
        TryGetTarget(out var target, out var error) ? target : throw new CompactTargetException(this, error);

    /// <summary>
    /// The compact form of <paramref name="target"/>, as Bitcoin Core's <c>arith_uint256::GetCompact</c>:
    /// the mantissa keeps the top three significant bytes (rounding down), and when its top bit would
    /// collide with the sign bit the mantissa moves one byte down and the exponent grows by one.
    /// </summary>
    /// <param name="target">The target.</param>
    /// <param name="negative">Set the sign bit (only when the mantissa is non-zero); for reproducing Core's vectors.</param>
    public static CompactTarget FromTarget(UInt256 target, bool negative = false)
    {
        int size = (target.GetBitLength() + 7) / 8;
        uint compact = size <= 3
            ? (uint)(target.Low64 << (8 * (3 - size)))
            : (uint)(target >> (8 * (size - 3))).Low64;
        if ((compact & SignBit) != 0)
        {
            compact >>= 8;
            size++;
        }
        compact |= (uint)size << 24;
        if (negative && (compact & MantissaMask) != 0)
            compact |= SignBit;
        return new CompactTarget(compact);
    }

    /// <summary>
    /// The expected number of hashes to find a block at this target: 2^256 / (target + 1), Bitcoin Core's
    /// <c>GetBlockProof</c>. Zero when the compact form is unusable, as in Core.
    /// </summary>
    public UInt256 GetWork() => TryGetTarget(out var target) ? WorkFor(target) : UInt256.Zero;

    /// <summary>
    /// 2^256 / (<paramref name="target"/> + 1), computed as (~target / (target + 1)) + 1 because 2^256 does
    /// not fit in 256 bits. The maximum target (where target + 1 wraps) has work 1. A zero target, whose
    /// work 2^256 is not representable and which no hash meets, has work 0, as Core's <c>GetBlockProof</c> gives.
    /// </summary>
    public static UInt256 WorkFor(UInt256 target) =>
        target.IsZero ? UInt256.Zero
        : target == UInt256.MaxValue ? UInt256.One
        : (~target / (target + UInt256.One)) + UInt256.One;

    /// <summary>Whether <paramref name="hash"/>, read as a number, is at or below this target (and the target is usable).</summary>
    public bool IsMetBy(BlockHash hash) => TryGetTarget(out var target) && IsMet(hash, target);

    /// <summary>Whether <paramref name="hash"/>, read as a little-endian number, is at or below <paramref name="target"/>.</summary>
    public static bool IsMet(BlockHash hash, UInt256 target) => UInt256.FromBlockHash(hash) <= target;

    /// <summary>The field as eight hex digits with a <c>0x</c> prefix, as block explorers show <c>bits</c>.</summary>
    public override string ToString() => "0x" + Value.ToString("x8", CultureInfo.InvariantCulture);
}
