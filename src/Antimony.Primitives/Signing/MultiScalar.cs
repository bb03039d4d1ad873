using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Antimony.Primitives.Signing;

/// <summary>Multi-scalar multiplication <c>k_1 P_1 + ... + k_m P_m</c> for batch verification.</summary>
internal static class MultiScalar
{
    /// <summary>Whether the sum is the point at infinity.</summary>
    public static bool IsInfinity(ECPoint[] points, BigInteger[] scalars) =>
        ECAlgorithms.SumOfMultiplies(points, scalars).IsInfinity;
}
