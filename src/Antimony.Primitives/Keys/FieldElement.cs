using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement operator +(in FieldElement a, in FieldElement b)
    {
        ulong l0 = AddCarry(a.L0, b.L0, out ulong c);
        ulong l1 = Add3(a.L1, b.L1, c, out c), l2 = Add3(a.L2, b.L2, c, out c), l3 = Add3(a.L3, b.L3, c, out c);
        // a + b < 2p. t = a + b - p, computed as a + b + (2^256 - p) dropping 2^256; it is the answer exactly when
        // a + b carried out of 256 bits or t carried (a + b >= p). Selected without a branch, which would be
        // unpredictable here.
        ulong t0 = AddCarry(l0, Fold, out ulong d), t1 = AddCarry(l1, d, out d), t2 = AddCarry(l2, d, out d), t3 = AddCarry(l3, d, out d);
        ulong useT = 0UL - (c | d);
        return new FieldElement((t0 & useT) | (l0 & ~useT), (t1 & useT) | (l1 & ~useT), (t2 & useT) | (l2 & ~useT), (t3 & useT) | (l3 & ~useT));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FieldElement operator -(in FieldElement a, in FieldElement b)
    {
        ulong l0 = SubBorrow(a.L0, b.L0, 0, out ulong borrow), l1 = SubBorrow(a.L1, b.L1, borrow, out borrow);
        ulong l2 = SubBorrow(a.L2, b.L2, borrow, out borrow), l3 = SubBorrow(a.L3, b.L3, borrow, out borrow);
        // On a borrow the wrapped value is a - b + 2^256; a - b + p is that minus (2^256 - p), with no further borrow.
        ulong fold = Fold & (0UL - borrow);
        l0 = SubBorrow(l0, fold, 0, out ulong d);
        l1 = SubBorrow(l1, 0, d, out d);
        l2 = SubBorrow(l2, 0, d, out d);
        return new FieldElement(l0, l1, l2, l3 - d);
    }

    public FieldElement Negate() => Zero - this;

    public FieldElement Double() => this + this;

    public static FieldElement operator *(in FieldElement a, in FieldElement b)
    {
        // Schoolbook 256x256 -> 512 bits, row by row; each step a*b + two words fits in 128 bits.
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3;
        ulong c;
        ulong r0 = Mac(a0, b0, 0, 0, out c);
        ulong r1 = Mac(a0, b1, c, 0, out c);
        ulong r2 = Mac(a0, b2, c, 0, out c);
        ulong r3 = Mac(a0, b3, c, 0, out c);
        ulong r4 = c;
        r1 = Mac(a1, b0, r1, 0, out c);
        r2 = Mac(a1, b1, r2, c, out c);
        r3 = Mac(a1, b2, r3, c, out c);
        r4 = Mac(a1, b3, r4, c, out c);
        ulong r5 = c;
        r2 = Mac(a2, b0, r2, 0, out c);
        r3 = Mac(a2, b1, r3, c, out c);
        r4 = Mac(a2, b2, r4, c, out c);
        r5 = Mac(a2, b3, r5, c, out c);
        ulong r6 = c;
        r3 = Mac(a3, b0, r3, 0, out c);
        r4 = Mac(a3, b1, r4, c, out c);
        r5 = Mac(a3, b2, r5, c, out c);
        r6 = Mac(a3, b3, r6, c, out c);
        return Reduce(r0, r1, r2, r3, r4, r5, r6, c);
    }

    public FieldElement Square()
    {
        // Cross products once, doubled, plus the four squares: 10 multiplications instead of 16.
        ulong a0 = L0, a1 = L1, a2 = L2, a3 = L3, c;
        ulong r1 = Mac(a0, a1, 0, 0, out c);
        ulong r2 = Mac(a0, a2, c, 0, out c);
        ulong r3 = Mac(a0, a3, c, 0, out c);
        ulong r4 = c;
        r3 = Mac(a1, a2, r3, 0, out c);
        r4 = Mac(a1, a3, r4, c, out c);
        ulong r5 = c;
        r5 = Mac(a2, a3, r5, 0, out c);
        ulong r6 = c;
        // Double the cross products (a 7-word shift left by one).
        ulong r7 = r6 >> 63;
        r6 = (r6 << 1) | (r5 >> 63);
        r5 = (r5 << 1) | (r4 >> 63);
        r4 = (r4 << 1) | (r3 >> 63);
        r3 = (r3 << 1) | (r2 >> 63);
        r2 = (r2 << 1) | (r1 >> 63);
        r1 <<= 1;
        // Add the squares a_i^2 at word 2i.
        ulong r0 = Mac(a0, a0, 0, 0, out c);
        r1 = AddCarry(r1, c, out c);
        ulong hi = MultiplyHigh(a1, a1), lo = a1 * a1;
        r2 = Add3(r2, lo, c, out c);
        r3 = Add3(r3, hi, c, out c);
        hi = MultiplyHigh(a2, a2);
        lo = a2 * a2;
        r4 = Add3(r4, lo, c, out c);
        r5 = Add3(r5, hi, c, out c);
        hi = MultiplyHigh(a3, a3);
        lo = a3 * a3;
        r6 = Add3(r6, lo, c, out c);
        r7 = r7 + hi + c;
        return Reduce(r0, r1, r2, r3, r4, r5, r6, r7);
    }


    /// <summary>This value squared n times.</summary>
    public FieldElement SquareTimes(int n)
    {
        FieldElement r = this;
        for (int i = 0; i < n; i++)
            r *= r;
        return r;
    }

    // low + high * 2^256 ≡ low + high * (2^256 - p) (mod p), folded twice, then one conditional subtraction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Reduce(ulong r0, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, ulong r6, ulong r7)
    {
        ulong c;
        r0 = Mac(r4, Fold, r0, 0, out c);
        r1 = Mac(r5, Fold, r1, c, out c);
        r2 = Mac(r6, Fold, r2, c, out c);
        r3 = Mac(r7, Fold, r3, c, out c);
        // The carry is below 2^34: fold it once more; a carry out of that leaves a value far below 2^256,
        // so one more fold of 2^256 ends it.
        r0 = Mac(c, Fold, r0, 0, out c);
        r1 = AddCarry(r1, c, out c);
        r2 = AddCarry(r2, c, out c);
        r3 = AddCarry(r3, c, out c);
        if (c != 0)
        {
            r0 = AddCarry(r0, Fold, out c);
            r1 = AddCarry(r1, c, out c);
            r2 = AddCarry(r2, c, out c);
            r3 += c;
        }
        if (IsAtLeastP(r0, r1, r2, r3))
        {
            r0 = AddCarry(r0, Fold, out c);
            r1 = AddCarry(r1, c, out c);
            r2 = AddCarry(r2, c, out c);
            r3 += c;
        }
        return new FieldElement(r0, r1, r2, r3);
    }

    // a*b + x + y < 2^128: the low word, and the high word in 'high'.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mac(ulong a, ulong b, ulong x, ulong y, out ulong high)
    {
        ulong hi = MultiplyHigh(a, b), lo = a * b;
        lo += x;
        hi += lo < x ? 1UL : 0UL;
        lo += y;
        hi += lo < y ? 1UL : 0UL;
        high = hi;
        return lo;
    }

    // The high word of a*b. BMI2's MULX form returns it in a register (Math.BigMul's 'out low' goes through memory);
    // the low word is a plain multiplication.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyHigh(ulong a, ulong b) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddCarry(ulong a, ulong b, out ulong carry)
    {
        ulong s = a + b;
        carry = s < a ? 1UL : 0UL;
        return s;
    }

    // a + b + c (c at most 1) with the carry out (at most 1).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Add3(ulong a, ulong b, ulong c, out ulong carry)
    {
        ulong s = a + b;
        ulong c1 = s < a ? 1UL : 0UL;
        ulong r = s + c;
        carry = c1 | (r < s ? 1UL : 0UL);
        return r;
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
    private static ulong SubBorrow(ulong a, ulong b, ulong borrowIn, out ulong borrow)
    {
        ulong d = a - b;
        ulong b1 = a < b ? 1UL : 0UL;
        ulong r = d - borrowIn;
        borrow = b1 | (d < borrowIn ? 1UL : 0UL);
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
