using System.Globalization;
using Antimony.Primitives.Keys;
using BigInt = System.Numerics.BigInteger;

namespace Antimony.Primitives.Tests.Keys;

/// <summary>The allocation-free field arithmetic agrees with BigInteger arithmetic mod p.</summary>
public class FieldElementTests
{
    private static readonly BigInt P = BigInt.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", NumberStyles.HexNumber);

    // Uniform values plus the edges where carries and the final subtraction happen.
    private static readonly Gen<BigInt> Values = Gen.OneOf(
        KeyGenerators.Bytes(32).Select(b => new BigInt(b, isUnsigned: true, isBigEndian: true) % P),
        Gen.Elements(BigInt.Zero, BigInt.One, P - 1, P - 2, (BigInt.One << 255) % P, (BigInt.One << 256) - P, P - ((BigInt.One << 256) - P)),
        Gen.Choose(1, 1 << 20).Select(i => P - i));

    private static FieldElement ToField(BigInt v)
    {
        var bytes = new byte[32];
        v.ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(bytes.AsSpan(32 - v.GetByteCount(isUnsigned: true)));
        Assert.True(FieldElement.TryRead(bytes, out var f));
        return f;
    }

    private static BigInt ToBig(FieldElement f)
    {
        var bytes = new byte[32];
        f.Write(bytes);
        return new BigInt(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static BigInt Mod(BigInt v) => ((v % P) + P) % P;

    [Property(MaxTest = 500)]
    public Property Add_sub_mul_and_negate_match_BigInteger() =>
        Prop.ForAll(Gen.Zip(Values, Values).ToArbitrary(), t =>
        {
            FieldElement a = ToField(t.Item1), b = ToField(t.Item2);
            return (ToBig(a + b) == Mod(t.Item1 + t.Item2)
                && ToBig(a - b) == Mod(t.Item1 - t.Item2)
                && ToBig(a * b) == Mod(t.Item1 * t.Item2)
                && ToBig(a.Square()) == Mod(t.Item1 * t.Item1)
                && ToBig(a.Negate()) == Mod(-t.Item1)).Label($"{t.Item1:x} {t.Item2:x}");
        });

    [Property(MaxTest = 100)]
    public Property Inverse_and_square_root_match_BigInteger() =>
        Prop.ForAll(Values.ToArbitrary(), v =>
        {
            FieldElement a = ToField(v);
            bool inverse = v.IsZero ? a.Invert().IsZero : ToBig(a.Invert()) == BigInt.ModPow(v, P - 2, P);
            bool isSquare = BigInt.ModPow(v, (P - 1) / 2, P) != P - 1; // Euler's criterion (0 counts as a square)
            bool sqrt = a.TrySqrt(out var root) == isSquare && (!isSquare || Mod(ToBig(root) * ToBig(root)) == v);
            return (inverse && sqrt).Label($"{v:x}");
        });

    [Fact]
    public void Values_at_or_above_p_are_not_field_elements()
    {
        Assert.False(FieldElement.TryRead(Convert.FromHexString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F"), out _));
        Assert.False(FieldElement.TryRead(Convert.FromHexString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"), out _));
        Assert.True(FieldElement.TryRead(Convert.FromHexString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2E"), out _));
    }
}
