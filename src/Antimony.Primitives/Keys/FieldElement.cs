using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Antimony.Primitives.Keys;

/// <summary>
/// An element of secp256k1's base field (integers mod p = 2^256 - 2^32 - 977), always held fully reduced
/// in four little-endian 64-bit limbs. Allocation-free; used where BouncyCastle's heap-allocated field
/// elements dominate the cost (square roots for <c>lift_x</c>, batch verification's point sums).
/// </summary>
/// <remarks>Variable time: it only ever handles public data (keys, signatures), never secrets.</remarks>
internal readonly struct FieldElement : IEquatable<FieldElement>
{
    // 2^256 mod p: reduction folds the high half of a product back in multiplied by this.
    private const ulong Fold = 0x1000003D1;
    private const ulong P0 = 0xFFFFFFFEFFFFFC2F, PHigh = ulong.MaxValue;

    public readonly ulong L0, L1, L2, L3;

    private FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    public static FieldElement Zero => default;

    public static FieldElement One => new(1, 0, 0, 0);

    public static FieldElement Seven => new(7, 0, 0, 0);

    public bool IsZero => (L0 | L1 | L2 | L3) == 0;

    public bool IsOdd => (L0 & 1) != 0;

    /// <summary>Reads 32 big-endian bytes; false when the value is ≥ p (not a field element).</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes32, out FieldElement value)
    {
        ulong l3 = BinaryPrimitives.ReadUInt64BigEndian(bytes32);
        ulong l2 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]);
        ulong l1 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]);
        ulong l0 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]);
        value = new FieldElement(l0, l1, l2, l3);
        return !IsAtLeastP(l0, l1, l2, l3);
    }

    /// <summary>Writes 32 big-endian bytes.</summary>
    public void Write(Span<byte> destination32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination32, L3);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[8..], L2);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[16..], L1);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[24..], L0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAtLeastP(ulong l0, ulong l1, ulong l2, ulong l3) =>
        (l3 & l2 & l1) == PHigh && l0 >= P0;

    public static FieldElement operator +(in FieldElement a, in FieldElement b)
    {
        ulong l0 = a.L0 + b.L0, c = l0 < a.L0 ? 1UL : 0;
        ulong l1 = AddCarry(a.L1, b.L1, ref c), l2 = AddCarry(a.L2, b.L2, ref c), l3 = AddCarry(a.L3, b.L3, ref c);
        // a + b < 2p: one conditional subtraction of p (adding 2^256 - p and dropping the carry) reduces it.
        if (c != 0 || IsAtLeastP(l0, l1, l2, l3))
        {
            ulong d = 0;
            l0 = AddCarry(l0, Fold, ref d);
            l1 = AddCarry(l1, 0, ref d);
            l2 = AddCarry(l2, 0, ref d);
            l3 += d;
        }
        return new FieldElement(l0, l1, l2, l3);
    }

    public static FieldElement operator -(in FieldElement a, in FieldElement b)
    {
        ulong borrow = 0;
        ulong l0 = SubBorrow(a.L0, b.L0, ref borrow), l1 = SubBorrow(a.L1, b.L1, ref borrow);
        ulong l2 = SubBorrow(a.L2, b.L2, ref borrow), l3 = SubBorrow(a.L3, b.L3, ref borrow);
        if (borrow != 0)
        {
            // The wrapped value is a - b + 2^256; a - b + p is that minus (2^256 - p), with no further borrow.
            ulong d = 0;
            l0 = SubBorrow(l0, Fold, ref d);
            l1 = SubBorrow(l1, 0, ref d);
            l2 = SubBorrow(l2, 0, ref d);
            l3 -= d;
        }
        return new FieldElement(l0, l1, l2, l3);
    }

    public FieldElement Negate() => Zero - this;

    public FieldElement Double() => this + this;

    public static FieldElement operator *(in FieldElement a, in FieldElement b)
    {
        // Schoolbook 256x256 -> 512 bits, row by row.
        ulong c = 0;
        ulong r0 = MulAdd(a.L0, b.L0, 0, ref c), r1 = MulAdd(a.L0, b.L1, 0, ref c);
        ulong r2 = MulAdd(a.L0, b.L2, 0, ref c), r3 = MulAdd(a.L0, b.L3, 0, ref c), r4 = c;
        c = 0;
        r1 = MulAdd(a.L1, b.L0, r1, ref c); r2 = MulAdd(a.L1, b.L1, r2, ref c);
        r3 = MulAdd(a.L1, b.L2, r3, ref c); r4 = MulAdd(a.L1, b.L3, r4, ref c);
        ulong r5 = c;
        c = 0;
        r2 = MulAdd(a.L2, b.L0, r2, ref c); r3 = MulAdd(a.L2, b.L1, r3, ref c);
        r4 = MulAdd(a.L2, b.L2, r4, ref c); r5 = MulAdd(a.L2, b.L3, r5, ref c);
        ulong r6 = c;
        c = 0;
        r3 = MulAdd(a.L3, b.L0, r3, ref c); r4 = MulAdd(a.L3, b.L1, r4, ref c);
        r5 = MulAdd(a.L3, b.L2, r5, ref c); r6 = MulAdd(a.L3, b.L3, r6, ref c);
        ulong r7 = c;
        return Reduce(r0, r1, r2, r3, r4, r5, r6, r7);
    }

    public FieldElement Square() => this * this;

    /// <summary>This value squared n times.</summary>
    public FieldElement SquareTimes(int n)
    {
        FieldElement r = this;
        for (int i = 0; i < n; i++)
            r *= r;
        return r;
    }

    // low + high * 2^256 ≡ low + high * (2^256 - p) (mod p), folded twice, then one conditional subtraction.
    private static FieldElement Reduce(ulong r0, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, ulong r6, ulong r7)
    {
        ulong c = 0;
        r0 = MulAdd(r4, Fold, r0, ref c);
        r1 = MulAdd(r5, Fold, r1, ref c);
        r2 = MulAdd(r6, Fold, r2, ref c);
        r3 = MulAdd(r7, Fold, r3, ref c);
        // c < 2^34: fold it once more; a carry out of that leaves a value far below 2^256, so one more fold ends it.
        ulong hi = Math.BigMul(c, Fold, out ulong lo);
        ulong d = 0;
        r0 = AddCarry(r0, lo, ref d);
        r1 = AddCarry(r1, hi, ref d);
        r2 = AddCarry(r2, 0, ref d);
        r3 = AddCarry(r3, 0, ref d);
        if (d != 0)
        {
            d = 0;
            r0 = AddCarry(r0, Fold, ref d);
            r1 = AddCarry(r1, 0, ref d);
            r2 = AddCarry(r2, 0, ref d);
            r3 += d;
        }
        if (IsAtLeastP(r0, r1, r2, r3))
        {
            d = 0;
            r0 = AddCarry(r0, Fold, ref d);
            r1 = AddCarry(r1, 0, ref d);
            r2 = AddCarry(r2, 0, ref d);
            r3 += d;
        }
        return new FieldElement(r0, r1, r2, r3);
    }

    /// <summary>
    /// The square root <c>a^((p+1)/4)</c> when one exists (false otherwise), by the addition chain
    /// libsecp256k1 uses: runs of ones x2, x3, x6 ... x223, then the exponent's tail.
    /// </summary>
    public bool TrySqrt(out FieldElement root)
    {
        Chain(this, out var x2, out var x22, out var x223);
        root = (x223.SquareTimes(23) * x22).SquareTimes(6) * x2;
        root = root.SquareTimes(2);
        return root.Square() == this;
    }

    /// <summary>The inverse <c>a^(p-2)</c> (zero for zero).</summary>
    public FieldElement Invert()
    {
        Chain(this, out var x2, out var x22, out var x223);
        FieldElement t = (x223.SquareTimes(23) * x22).SquareTimes(5) * this;
        t = t.SquareTimes(3) * x2;
        return t.SquareTimes(2) * this;
    }

    // x_k = a^(2^k - 1): the shared prefix of the exponents (p+1)/4 and p-2, both of which start with 223 one bits.
    private static void Chain(in FieldElement a, out FieldElement x2, out FieldElement x22, out FieldElement x223)
    {
        x2 = a.Square() * a;
        FieldElement x3 = x2.Square() * a;
        FieldElement x6 = x3.SquareTimes(3) * x3;
        FieldElement x9 = x6.SquareTimes(3) * x3;
        FieldElement x11 = x9.SquareTimes(2) * x2;
        x22 = x11.SquareTimes(11) * x11;
        FieldElement x44 = x22.SquareTimes(22) * x22;
        FieldElement x88 = x44.SquareTimes(44) * x44;
        FieldElement x176 = x88.SquareTimes(88) * x88;
        FieldElement x220 = x176.SquareTimes(44) * x44;
        x223 = x220.SquareTimes(3) * x3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulAdd(ulong a, ulong b, ulong addend, ref ulong carry)
    {
        // a*b + addend + carry < 2^128, so the high word cannot overflow.
        ulong hi = Math.BigMul(a, b, out ulong lo);
        lo += addend;
        hi += lo < addend ? 1UL : 0;
        lo += carry;
        hi += lo < carry ? 1UL : 0;
        carry = hi;
        return lo;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong s = a + b;
        ulong c1 = s < a ? 1UL : 0;
        ulong r = s + carry;
        carry = c1 | (r < s ? 1UL : 0);
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        ulong d = a - b;
        ulong b1 = a < b ? 1UL : 0;
        ulong r = d - borrow;
        borrow = b1 | (d < borrow ? 1UL : 0);
        return r;
    }

    public bool Equals(FieldElement other) => L0 == other.L0 && L1 == other.L1 && L2 == other.L2 && L3 == other.L3;

    public override bool Equals(object? obj) => obj is FieldElement other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(L0, L1, L2, L3);

    public static bool operator ==(in FieldElement a, in FieldElement b) => a.Equals(b);

    public static bool operator !=(in FieldElement a, in FieldElement b) => !a.Equals(b);

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        Write(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
