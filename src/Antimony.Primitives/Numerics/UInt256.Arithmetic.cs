using System.Numerics;

namespace Antimony.Primitives.Numerics;

// Arithmetic, bitwise and shift operators. Every operation works on the four limbs directly (no
// BigInteger, no allocation); division is Bitcoin Core's shift-and-subtract, which is exact and
// fast enough for targets and chain work (at most 193 steps once the divisor exceeds 64 bits).
public readonly partial struct UInt256 :
    IAdditionOperators<UInt256, UInt256, UInt256>, ISubtractionOperators<UInt256, UInt256, UInt256>,
    IMultiplyOperators<UInt256, UInt256, UInt256>, IDivisionOperators<UInt256, UInt256, UInt256>,
    IModulusOperators<UInt256, UInt256, UInt256>, IBitwiseOperators<UInt256, UInt256, UInt256>,
    IShiftOperators<UInt256, int, UInt256>
{
    /// <summary>The sum modulo 2^256.</summary>
    public static UInt256 operator +(UInt256 left, UInt256 right) => Add(left, right, out _);

    /// <summary>The sum.</summary>
    /// <exception cref="OverflowException">The sum is 2^256 or more.</exception>
    public static UInt256 operator checked +(UInt256 left, UInt256 right)
    {
        var sum = Add(left, right, out ulong carry);
        return carry == 0 ? sum : throw new OverflowException("The sum exceeds 256 bits.");
    }

    /// <summary>The difference modulo 2^256.</summary>
    public static UInt256 operator -(UInt256 left, UInt256 right) => Subtract(left, right, out _);

    /// <summary>The difference.</summary>
    /// <exception cref="OverflowException">The right operand is larger than the left.</exception>
    public static UInt256 operator checked -(UInt256 left, UInt256 right)
    {
        var difference = Subtract(left, right, out ulong borrow);
        return borrow == 0 ? difference : throw new OverflowException("The difference is negative.");
    }

    /// <summary>The product modulo 2^256.</summary>
    public static UInt256 operator *(UInt256 left, UInt256 right) => Multiply(left, right, out _);

    /// <summary>The product.</summary>
    /// <exception cref="OverflowException">The product needs more than 256 bits.</exception>
    public static UInt256 operator checked *(UInt256 left, UInt256 right)
    {
        var product = Multiply(left, right, out bool overflow);
        return overflow ? throw new OverflowException("The product exceeds 256 bits.") : product;
    }

    /// <summary>The product modulo 2^256.</summary>
    public static UInt256 operator *(UInt256 left, ulong right) => Multiply(left, right, out _);

    /// <summary>The product.</summary>
    /// <exception cref="OverflowException">The product needs more than 256 bits.</exception>
    public static UInt256 operator checked *(UInt256 left, ulong right)
    {
        var product = Multiply(left, right, out ulong carry);
        return carry == 0 ? product : throw new OverflowException("The product exceeds 256 bits.");
    }

    /// <summary>The quotient, rounded down.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static UInt256 operator /(UInt256 left, ulong right) => DivRem(left, right, out _);

    /// <summary>The remainder of division by <paramref name="right"/>.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static ulong operator %(UInt256 left, ulong right)
    {
        DivRem(left, right, out ulong remainder);
        return remainder;
    }

    /// <summary>The quotient, rounded down.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static UInt256 operator /(UInt256 left, UInt256 right) => DivRem(left, right, out _);

    /// <summary>The remainder of division by <paramref name="right"/>.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    public static UInt256 operator %(UInt256 left, UInt256 right)
    {
        DivRem(left, right, out var remainder);
        return remainder;
    }

    /// <summary>Bitwise and.</summary>
    public static UInt256 operator &(UInt256 left, UInt256 right) =>
        new(left._u3 & right._u3, left._u2 & right._u2, left._u1 & right._u1, left._u0 & right._u0);

    /// <summary>Bitwise or.</summary>
    public static UInt256 operator |(UInt256 left, UInt256 right) =>
        new(left._u3 | right._u3, left._u2 | right._u2, left._u1 | right._u1, left._u0 | right._u0);

    /// <summary>Bitwise exclusive or.</summary>
    public static UInt256 operator ^(UInt256 left, UInt256 right) =>
        new(left._u3 ^ right._u3, left._u2 ^ right._u2, left._u1 ^ right._u1, left._u0 ^ right._u0);

    /// <summary>Bitwise complement: 2^256 - 1 - value.</summary>
    public static UInt256 operator ~(UInt256 value) => new(~value._u3, ~value._u2, ~value._u1, ~value._u0);

    /// <summary>Shift towards the most significant bit by <paramref name="shiftAmount"/> modulo 256; bits shifted out are lost.</summary>
    public static UInt256 operator <<(UInt256 value, int shiftAmount)
    {
        int shift = shiftAmount & 255;
        int limbs = shift >> 6, bits = shift & 63;
        Span<ulong> source = [value._u0, value._u1, value._u2, value._u3];
        Span<ulong> result = stackalloc ulong[4];
        for (int i = 3; i >= 0; i--)
        {
            int from = i - limbs;
            ulong limb = from >= 0 ? source[from] << bits : 0;
            if (bits != 0 && from - 1 >= 0)
                limb |= source[from - 1] >> (64 - bits);
            result[i] = limb;
        }
        return FromLimbs(result);
    }

    /// <summary>Shift towards the least significant bit by <paramref name="shiftAmount"/> modulo 256.</summary>
    public static UInt256 operator >>(UInt256 value, int shiftAmount)
    {
        int shift = shiftAmount & 255;
        int limbs = shift >> 6, bits = shift & 63;
        Span<ulong> source = [value._u0, value._u1, value._u2, value._u3];
        Span<ulong> result = stackalloc ulong[4];
        for (int i = 0; i < 4; i++)
        {
            int from = i + limbs;
            ulong limb = from < 4 ? source[from] >> bits : 0;
            if (bits != 0 && from + 1 < 4)
                limb |= source[from + 1] << (64 - bits);
            result[i] = limb;
        }
        return FromLimbs(result);
    }

    /// <summary>The same as <c>&gt;&gt;</c>: the value is unsigned.</summary>
    public static UInt256 operator >>>(UInt256 value, int shiftAmount) => value >> shiftAmount;

    /// <summary>The quotient and remainder of division by a 64-bit divisor.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    public static UInt256 DivRem(UInt256 dividend, ulong divisor, out ulong remainder)
    {
        if (divisor == 0)
            throw new DivideByZeroException();
        Span<ulong> limbs = [dividend._u0, dividend._u1, dividend._u2, dividend._u3];
        ulong rem = 0;
        for (int i = 3; i >= 0; i--)
        {
            // rem < divisor, so the 128-bit partial dividend's quotient fits in 64 bits.
            var partial = new UInt128(rem, limbs[i]);
            limbs[i] = (ulong)(partial / divisor);
            rem = (ulong)(partial % divisor);
        }
        remainder = rem;
        return FromLimbs(limbs);
    }

    /// <summary>The quotient and remainder of division.</summary>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    public static UInt256 DivRem(UInt256 dividend, UInt256 divisor, out UInt256 remainder)
    {
        if ((divisor._u1 | divisor._u2 | divisor._u3) == 0)
        {
            var q = DivRem(dividend, divisor._u0, out ulong r);
            remainder = new UInt256(r);
            return q;
        }
        if (dividend < divisor)
        {
            remainder = dividend;
            return Zero;
        }
        // Align the divisor's top bit with the dividend's, then subtract it wherever it fits while
        // shifting it back down one bit at a time: one quotient bit per step.
        int shift = dividend.GetBitLength() - divisor.GetBitLength();
        var shifted = divisor << shift;
        Span<ulong> quotient = stackalloc ulong[4];
        quotient.Clear();
        for (; shift >= 0; shift--)
        {
            if (dividend >= shifted)
            {
                dividend = Subtract(dividend, shifted, out _);
                quotient[shift >> 6] |= 1UL << (shift & 63);
            }
            shifted = ShiftRightOne(shifted);
        }
        remainder = dividend;
        return FromLimbs(quotient);
    }

    private static UInt256 FromLimbs(ReadOnlySpan<ulong> l) => new(l[3], l[2], l[1], l[0]);

    private static UInt256 ShiftRightOne(UInt256 v) =>
        new(v._u3 >> 1, (v._u2 >> 1) | (v._u3 << 63), (v._u1 >> 1) | (v._u2 << 63), (v._u0 >> 1) | (v._u1 << 63));

    private static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong sum = a + b;
        ulong carryOut = sum < a ? 1UL : 0UL;
        ulong result = sum + carry;
        carryOut += result < sum ? 1UL : 0UL;
        carry = carryOut;
        return result;
    }

    private static ulong SubtractWithBorrow(ulong a, ulong b, ref ulong borrow)
    {
        ulong difference = a - b;
        ulong borrowOut = a < b ? 1UL : 0UL;
        ulong result = difference - borrow;
        borrowOut += difference < borrow ? 1UL : 0UL;
        borrow = borrowOut;
        return result;
    }

    private static UInt256 Add(UInt256 a, UInt256 b, out ulong carry)
    {
        carry = 0;
        ulong r0 = AddWithCarry(a._u0, b._u0, ref carry);
        ulong r1 = AddWithCarry(a._u1, b._u1, ref carry);
        ulong r2 = AddWithCarry(a._u2, b._u2, ref carry);
        ulong r3 = AddWithCarry(a._u3, b._u3, ref carry);
        return new UInt256(r3, r2, r1, r0);
    }

    private static UInt256 Subtract(UInt256 a, UInt256 b, out ulong borrow)
    {
        borrow = 0;
        ulong r0 = SubtractWithBorrow(a._u0, b._u0, ref borrow);
        ulong r1 = SubtractWithBorrow(a._u1, b._u1, ref borrow);
        ulong r2 = SubtractWithBorrow(a._u2, b._u2, ref borrow);
        ulong r3 = SubtractWithBorrow(a._u3, b._u3, ref borrow);
        return new UInt256(r3, r2, r1, r0);
    }

    private static UInt256 Multiply(UInt256 a, ulong b, out ulong carry)
    {
        Span<ulong> limbs = [a._u0, a._u1, a._u2, a._u3];
        carry = 0;
        for (int i = 0; i < 4; i++)
        {
            ulong high = Math.BigMul(limbs[i], b, out ulong low);
            low += carry;
            high += low < carry ? 1UL : 0UL;
            limbs[i] = low;
            carry = high;
        }
        return FromLimbs(limbs);
    }

    private static UInt256 Multiply(UInt256 a, UInt256 b, out bool overflow)
    {
        Span<ulong> x = [a._u0, a._u1, a._u2, a._u3];
        Span<ulong> y = [b._u0, b._u1, b._u2, b._u3];
        Span<ulong> product = stackalloc ulong[8];
        product.Clear();
        for (int i = 0; i < 4; i++)
        {
            ulong carry = 0;
            for (int j = 0; j < 4; j++)
            {
                // high <= 2^64 - 2, so adding two carries never wraps it.
                ulong high = Math.BigMul(x[i], y[j], out ulong low);
                low += carry;
                high += low < carry ? 1UL : 0UL;
                low += product[i + j];
                high += low < product[i + j] ? 1UL : 0UL;
                product[i + j] = low;
                carry = high;
            }
            product[i + 4] = carry;
        }
        overflow = (product[4] | product[5] | product[6] | product[7]) != 0;
        return FromLimbs(product[..4]);
    }
}
