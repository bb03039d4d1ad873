using System.Numerics;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Numerics;

namespace Antimony.Primitives.Tests.Numerics;

public class UInt256Tests
{
    private static readonly BigInteger Modulus = BigInteger.One << 256;

    // Values of every width, so carries, borrows and the 64-bit division path are all reached.
    internal static Gen<UInt256> AnyValue { get; } =
        from limbs in ArbMap.Default.GeneratorFor<ulong>().ArrayOf(4)
        from width in Gen.Choose(0, 256)
        from special in Gen.Frequency(
            (8, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
        select special switch
        {
            1 => UInt256.MaxValue >> (256 - Math.Max(width, 1)),
            2 => UInt256.One << (width & 255),
            _ => Mask(new UInt256(limbs[3], limbs[2], limbs[1], limbs[0]), width),
        };

    private static UInt256 Mask(UInt256 value, int width) =>
        width == 0 ? UInt256.Zero : width >= 256 ? value : value & ((UInt256.One << width) - UInt256.One);

    private static Arbitrary<UInt256> Values => Arb.From(AnyValue);

    private static BigInteger Big(UInt256 value) => (BigInteger)value;

    private static UInt256 Wrap(BigInteger value) => (UInt256)(((value % Modulus) + Modulus) % Modulus);

    [Property(MaxTest = 500)]
    public Property Addition_and_subtraction_wrap_modulo_2_pow_256() =>
        Prop.ForAll(Values, Values, (a, b) =>
            (a + b == Wrap(Big(a) + Big(b)) && a - b == Wrap(Big(a) - Big(b)) && (a + b) - b == a).Label($"{a} {b}"));

    [Property(MaxTest = 500)]
    public Property Checked_addition_and_subtraction_throw_exactly_on_overflow() =>
        Prop.ForAll(Values, Values, (a, b) =>
        {
            bool addOverflows = Big(a) + Big(b) >= Modulus;
            bool subOverflows = Big(a) < Big(b);
            bool addThrew = Throws(() => checked(a + b));
            bool subThrew = Throws(() => checked(a - b));
            return (addThrew == addOverflows && subThrew == subOverflows).Label($"{a} {b}");
        });

    [Property(MaxTest = 500)]
    public Property Multiplication_matches_big_integer() =>
        Prop.ForAll(Values, Values, (a, b) =>
        {
            var exact = Big(a) * Big(b);
            bool wrapOk = a * b == Wrap(exact);
            bool checkedOk = Throws(() => checked(a * b)) == (exact >= Modulus);
            return (wrapOk && checkedOk).Label($"{a} {b}");
        });

    [Property(MaxTest = 500)]
    public Property Multiplication_by_ulong_matches_big_integer(ulong m) =>
        Prop.ForAll(Values, a =>
        {
            var exact = Big(a) * m;
            return (a * m == Wrap(exact) && Throws(() => checked(a * m)) == (exact >= Modulus)).Label($"{a} * {m}");
        });

    [Property(MaxTest = 500)]
    public Property Division_and_remainder_match_big_integer() =>
        Prop.ForAll(Values, Values, (a, b) =>
        {
            if (b.IsZero)
                return Throws<DivideByZeroException>(() => a / b).Label("divide by zero");
            var q = BigInteger.DivRem(Big(a), Big(b), out var r);
            return (Big(a / b) == q && Big(a % b) == r).Label($"{a} / {b}");
        });

    [Property(MaxTest = 500)]
    public Property Division_by_ulong_matches_big_integer(ulong d) =>
        Prop.ForAll(Values, a =>
        {
            if (d == 0)
                return Throws<DivideByZeroException>(() => a / d).Label("divide by zero");
            var q = BigInteger.DivRem(Big(a), d, out var r);
            return (Big(a / d) == q && a % d == (ulong)r).Label($"{a} / {d}");
        });

    [Property(MaxTest = 500)]
    public Property Shifts_match_big_integer_with_count_modulo_256() =>
        Prop.ForAll(Values, Gen.Choose(-300, 600).ToArbitrary(), (a, n) =>
        {
            int s = n & 255;
            return (a << n == Wrap(Big(a) << s) && a >> n == (UInt256)(Big(a) >> s) && a >>> n == a >> n).Label($"{a} {n}");
        });

    [Property(MaxTest = 500)]
    public Property Bitwise_operators_match_big_integer() =>
        Prop.ForAll(Values, Values, (a, b) =>
            ((a & b) == (UInt256)(Big(a) & Big(b)) && (a | b) == (UInt256)(Big(a) | Big(b))
             && (a ^ b) == (UInt256)(Big(a) ^ Big(b)) && ~a == UInt256.MaxValue - a).Label($"{a} {b}"));

    [Property(MaxTest = 500)]
    public Property Comparison_matches_big_integer() =>
        Prop.ForAll(Values, Values, (a, b) =>
        {
            int expected = Big(a).CompareTo(Big(b));
            return (Math.Sign(a.CompareTo(b)) == expected && (a < b) == (expected < 0) && (a <= b) == (expected <= 0)
                    && (a > b) == (expected > 0) && (a >= b) == (expected >= 0) && (a == b) == (expected == 0)
                    && (a != b) == (expected != 0)).Label($"{a} {b}");
        });

    [Property(MaxTest = 300)]
    public Property Bit_length_matches_big_integer() =>
        Prop.ForAll(Values, a => (a.GetBitLength() == (int)Big(a).GetBitLength()).Label(a.ToString()));

    [Property(MaxTest = 300)]
    public Property Hex_and_bytes_round_trip() =>
        Prop.ForAll(Values, a =>
        {
            var bytes = new byte[32];
            a.WriteLittleEndian(bytes);
            string hex = a.ToString();
            bool bigEndianHex = hex == Convert.ToHexStringLower(bytes.Reverse().ToArray());
            // BigInteger prefixes a 0 when the top nibble is 8 or more (its sign); strip it for the short form.
            string minimal = Big(a).ToString("x").TrimStart('0');
            bool shortHex = UInt256.Parse("0x" + (minimal.Length == 0 ? "0" : minimal)) == a;
            return (UInt256.Parse(hex) == a && new UInt256(bytes) == a && bigEndianHex && shortHex
                    && new UInt256(a.ToHash256()) == a).Label(hex);
        });

    [Fact]
    public void A_hash_reads_as_a_little_endian_number_so_its_display_form_is_the_numbers_hex()
    {
        // Genesis block of Bitcoin: its display hash is the number's big-endian hex.
        const string display = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
        var number = new UInt256(Hash256.Parse(display));
        Assert.Equal(display, number.ToString());
        Assert.Equal(0x000000000019d668UL, (ulong)(number >> 192));
        Assert.Equal(0x6fu, (uint)(number & new UInt256(0xff)).Low64);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("g")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000001")]
    public void Malformed_hex_is_rejected(string text)
    {
        Assert.False(UInt256.TryParse(text, out _));
        Assert.Throws<FormatException>(() => UInt256.Parse(text));
    }

    [Fact]
    public void Conversions_check_their_range()
    {
        Assert.Throws<OverflowException>(() => (UInt256)(BigInteger.One << 256));
        Assert.Throws<OverflowException>(() => (UInt256)BigInteger.MinusOne);
        Assert.Throws<OverflowException>(() => checked((ulong)(UInt256.One << 64)));
        Assert.Equal(0UL, unchecked((ulong)(UInt256.One << 64)));
        Assert.Throws<ArgumentException>(() => new UInt256(new byte[31]));
        Assert.Equal(1, UInt256.One.CompareTo(null));
    }

    [Fact]
    public void Generic_math_interfaces_work_through_constraints()
    {
        Assert.Equal(new UInt256(7), Sum([new UInt256(3), new UInt256(4)]));
        Assert.Equal(UInt256.MaxValue, Max<UInt256>());
    }

    private static T Sum<T>(T[] values) where T : IAdditionOperators<T, T, T>, IAdditiveIdentity<T, T>
    {
        T total = T.AdditiveIdentity;
        foreach (var v in values)
            total += v;
        return total;
    }

    private static T Max<T>() where T : IMinMaxValue<T> => T.MaxValue;

    private static bool Throws(Func<UInt256> action) => Throws<OverflowException>(action);

    private static bool Throws<TException>(Func<UInt256> action) where TException : Exception
    {
        try
        {
            action();
            return false;
        }
        catch (TException)
        {
            return true;
        }
    }
}
