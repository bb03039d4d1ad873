using Antimony.Primitives.Keys;
using Antimony.Primitives.Signing;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Antimony.Primitives.Tests.Keys;

/// <summary>The allocation-free point arithmetic and Pippenger sum agree with BouncyCastle, including the special cases.</summary>
public class MultiScalarTests
{
    private static readonly ECPoint G = Secp256k1.G;

    private static BigInteger Scalar(byte[] bytes) => new BigInteger(1, bytes).Mod(Secp256k1.N);

    private static string Affine(JacobianPoint point) =>
        point.TryToAffine(out var x, out var y) ? $"{x}{y}" : "infinity";

    private static string Affine(ECPoint point)
    {
        point = point.Normalize();
        return point.IsInfinity ? "infinity"
            : Convert.ToHexStringLower(point.AffineXCoord.GetEncoded()) + Convert.ToHexStringLower(point.AffineYCoord.GetEncoded());
    }

    private static string Sum(IReadOnlyList<ECPoint> points, IReadOnlyList<BigInteger> scalars)
    {
        var terms = new MsmTerms(points.Count);
        for (int i = 0; i < points.Count; i++)
        {
            var p = points[i].Normalize();
            terms.Add(Secp256k1.ToField(p.AffineXCoord), Secp256k1.ToField(p.AffineYCoord), scalars[i]);
        }
        return Affine(terms.Sum());
    }

    private static string Reference(IReadOnlyList<ECPoint> points, IReadOnlyList<BigInteger> scalars)
    {
        ECPoint sum = Secp256k1.Curve.Infinity;
        for (int i = 0; i < points.Count; i++)
            sum = sum.Add(points[i].Multiply(scalars[i]));
        return Affine(sum);
    }

    // Points drawn from a small pool, so repeats (doubling inside a bucket) and negations (cancellation) happen often.
    private static readonly Gen<(ECPoint[] Points, BigInteger[] Scalars)> Cases =
        from pool in KeyGenerators.Bytes(32).Select(Scalar).Where(k => k.SignValue > 0).Select(k => G.Multiply(k).Normalize()).ArrayOf(3)
        from count in Gen.Choose(1, 40)
        from picks in Gen.Choose(0, 5).ArrayOf(count)
        from scalars in Gen.OneOf(KeyGenerators.Bytes(32).Select(Scalar), Gen.Elements(BigInteger.Zero, BigInteger.One, Secp256k1.N.Subtract(BigInteger.One))).ArrayOf(count)
        select (picks.Select(i => i < 3 ? pool[i] : pool[i - 3].Negate()).ToArray(), scalars);

    [Property(MaxTest = 60)]
    public Property Pippenger_with_GLV_split_matches_BouncyCastle() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            string ours = Sum(c.Points, c.Scalars), theirs = Reference(c.Points, c.Scalars);
            return (ours == theirs).Label($"ours {ours} theirs {theirs}");
        });

    [Fact]
    public void A_point_and_its_negation_cancel_to_infinity()
    {
        var p = G.Multiply(BigInteger.ValueOf(12345)).Normalize();
        var k = BigInteger.ValueOf(987654321);
        Assert.Equal("infinity", Sum([p, p.Negate()], [k, k]));
        Assert.Equal("infinity", Sum([p, p], [k, Secp256k1.N.Subtract(k)]));
    }

    [Fact]
    public void Point_doubling_and_addition_special_cases_match_BouncyCastle()
    {
        var p = G.Multiply(BigInteger.ValueOf(7)).Normalize();
        FieldElement x = Secp256k1.ToField(p.AffineXCoord), y = Secp256k1.ToField(p.AffineYCoord);
        var jp = JacobianPoint.FromAffine(x, y);
        Assert.Equal(Affine(p.Twice()), Affine(jp.AddAffine(x, y)));
        Assert.Equal(Affine(p.Twice()), Affine(jp.Add(jp)));
        Assert.Equal(Affine(p.Twice()), Affine(jp.Double()));
        Assert.Equal("infinity", Affine(jp.AddAffine(x, y.Negate())));
        Assert.Equal(Affine(p.Twice().Add(p)), Affine(jp.Double().AddAffine(x, y)));
        Assert.Equal(Affine(p), Affine(JacobianPoint.Infinity.Add(jp)));
        Assert.Equal(Affine(p.Multiply(BigInteger.ValueOf(5))), Affine(jp.Double().Double().Add(jp)));
    }

    [Fact]
    public void Beta_is_a_nontrivial_cube_root_of_unity()
    {
        var beta = Glv.Beta;
        Assert.NotEqual(FieldElement.One, beta);
        Assert.Equal(FieldElement.One, beta * beta * beta);
    }
}
