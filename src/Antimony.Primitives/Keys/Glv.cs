using Antimony.Primitives.Signing;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC.Endo;

namespace Antimony.Primitives.Keys;

/// <summary>
/// secp256k1's GLV endomorphism <c>λ(x, y) = (βx, y)</c>: a 256-bit scalar k is split into two of about
/// 128 bits, <c>k = k1 + k2 λ (mod n)</c>, halving the doublings a multiplication needs. The split and λ are
/// BouncyCastle's; β is derived from its point map so the two always agree.
/// </summary>
internal static class Glv
{
    private static readonly GlvEndomorphism Endomorphism = (GlvEndomorphism)Secp256k1.Curve.GetEndomorphism();

    /// <summary>The cube root of unity β in the field with <c>λ(x, y) = (βx, y)</c>.</summary>
    public static FieldElement Beta { get; } = ComputeBeta();

    private static FieldElement ComputeBeta()
    {
        var mapped = Endomorphism.PointMap.Map(Secp256k1.G).Normalize();
        return Secp256k1.ToField(mapped.AffineXCoord) * Secp256k1.ToField(Secp256k1.G.AffineXCoord).Invert();
    }

    /// <summary>Splits k into magnitudes and signs of k1 and k2, with <c>k = k1 + k2 λ (mod n)</c>.</summary>
    public static void Split(BigInteger k, out MsmScalar k1, out bool k1Negative, out MsmScalar k2, out bool k2Negative)
    {
        BigInteger[] parts = Endomorphism.DecomposeScalar(k);
        k1 = MsmScalar.FromMagnitude(parts[0]);
        k1Negative = parts[0].SignValue < 0;
        k2 = MsmScalar.FromMagnitude(parts[1]);
        k2Negative = parts[1].SignValue < 0;
    }
}
