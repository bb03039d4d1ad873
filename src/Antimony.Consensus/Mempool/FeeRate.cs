using System.Globalization;
using Antimony.Primitives.Amounts;

namespace Antimony.Consensus.Mempool;

/// <summary>
/// A fee rate in atoms per 1,000 virtual bytes (Bitcoin Core's <c>CFeeRate</c> convention, so "1 atom/vB"
/// is 1,000). Virtual bytes are BIP141's: weight / 4, rounded up.
/// </summary>
/// <remarks>
/// Relay and eviction decisions compare rates of whole packages, whose exact ratio fee / size rarely fits
/// this unit; those comparisons use <see cref="Compare(Money, long, Money, long)"/>, which cross-multiplies
/// instead of rounding, so two packages with nearly the same rate are never ordered wrongly.
/// </remarks>
/// <param name="AtomsPerKilovirtualByte">Atoms per 1,000 virtual bytes; never negative in options.</param>
public readonly record struct FeeRate(long AtomsPerKilovirtualByte) : IComparable<FeeRate>
{
    /// <summary>The zero rate.</summary>
    public static FeeRate Zero => default;

    /// <summary>The rate that pays <paramref name="fee"/> for <paramref name="virtualSize"/> virtual bytes, rounded down.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="virtualSize"/> is not positive.</exception>
    public static FeeRate FromFee(Money fee, long virtualSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(virtualSize);
        return new FeeRate((long)((Int128)fee.Atoms * 1000 / virtualSize));
    }

    /// <summary>A rate of <paramref name="atoms"/> atoms per virtual byte.</summary>
    public static FeeRate FromAtomsPerVirtualByte(long atoms) => new(checked(atoms * 1000));

    /// <summary>
    /// The fee this rate asks of <paramref name="virtualSize"/> virtual bytes, rounded up so that paying it
    /// always meets the rate (Core's <c>CFeeRate::GetFee</c> since v0.21).
    /// </summary>
    public Money GetFee(long virtualSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(virtualSize);
        Int128 product = (Int128)AtomsPerKilovirtualByte * virtualSize;
        Int128 fee = product >= 0 ? (product + 999) / 1000 : product / 1000;
        return new Money((long)fee);
    }

    /// <summary>Orders <paramref name="feeA"/>/<paramref name="sizeA"/> against <paramref name="feeB"/>/<paramref name="sizeB"/> exactly (sizes positive).</summary>
    public static int Compare(Money feeA, long sizeA, Money feeB, long sizeB) =>
        ((Int128)feeA.Atoms * sizeB).CompareTo((Int128)feeB.Atoms * sizeA);

    /// <summary>Whether paying <paramref name="fee"/> for <paramref name="virtualSize"/> virtual bytes meets this rate.</summary>
    public bool IsMetBy(Money fee, long virtualSize) => fee >= GetFee(virtualSize);

    /// <inheritdoc />
    public int CompareTo(FeeRate other) => AtomsPerKilovirtualByte.CompareTo(other.AtomsPerKilovirtualByte);

    /// <summary>Whether <paramref name="left"/> is lower.</summary>
    public static bool operator <(FeeRate left, FeeRate right) => left.AtomsPerKilovirtualByte < right.AtomsPerKilovirtualByte;

    /// <summary>Whether <paramref name="left"/> is higher.</summary>
    public static bool operator >(FeeRate left, FeeRate right) => left.AtomsPerKilovirtualByte > right.AtomsPerKilovirtualByte;

    /// <summary>Whether <paramref name="left"/> is lower or equal.</summary>
    public static bool operator <=(FeeRate left, FeeRate right) => left.AtomsPerKilovirtualByte <= right.AtomsPerKilovirtualByte;

    /// <summary>Whether <paramref name="left"/> is higher or equal.</summary>
    public static bool operator >=(FeeRate left, FeeRate right) => left.AtomsPerKilovirtualByte >= right.AtomsPerKilovirtualByte;

    /// <summary>The sum of two rates (e.g. a package's rate plus the incremental relay rate).</summary>
    public static FeeRate operator +(FeeRate left, FeeRate right) => new(checked(left.AtomsPerKilovirtualByte + right.AtomsPerKilovirtualByte));

    /// <summary>The higher of two rates.</summary>
    public static FeeRate Max(FeeRate a, FeeRate b) => a >= b ? a : b;

    /// <summary>The rate in atoms per virtual byte with three decimals, e.g. <c>1.000 atom/vB</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{AtomsPerKilovirtualByte / 1000m:0.000} atom/vB");
}
