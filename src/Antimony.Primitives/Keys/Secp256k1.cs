using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;

namespace Antimony.Primitives.Keys;

/// <summary>
/// The secp256k1 curve as BouncyCastle's custom implementation (specialised field arithmetic and the
/// GLV endomorphism), with the constants and conversions the key and signature types share.
/// </summary>
internal static class Secp256k1
{
    private static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");

    /// <summary>The curve.</summary>
    public static ECCurve Curve { get; } = Parameters.Curve;

    /// <summary>The generator; its multiplication tables are attached to this one instance and reused.</summary>
    public static ECPoint G { get; } = Parameters.G;

    /// <summary>The group order n.</summary>
    public static BigInteger N { get; } = Parameters.N;

    /// <summary>n / 2: an ECDSA <c>s</c> above this is "high" (BIP62/BIP146 low-S rule).</summary>
    public static BigInteger HalfN { get; } = Parameters.N.ShiftRight(1);

    /// <summary>The field prime p.</summary>
    public static BigInteger P { get; } = Curve.Field.Characteristic;

    /// <summary>Domain parameters for BouncyCastle's ECDSA signer.</summary>
    public static ECDomainParameters Domain { get; } = new(Parameters);

    /// <summary>The seven of <c>y^2 = x^3 + 7</c>.</summary>
    private static readonly ECFieldElement Seven = Curve.FromBigInteger(BigInteger.ValueOf(7));

    private static readonly FixedPointCombMultiplier BaseMultiplier = new();

    static Secp256k1()
    {
        // Wider wNAF tables for G than the per-call default: they are built once and serve every
        // verification (s*G - e*P), so the extra precomputation is paid a single time.
        WNafUtilities.Precompute(G, 8, true);
    }

    /// <summary>k*G with the cached fixed-point comb table (signing, key derivation).</summary>
    public static ECPoint MultiplyBase(BigInteger k) => BaseMultiplier.Multiply(G, k).Normalize();

    /// <summary>Reads a 32-byte big-endian unsigned integer.</summary>
    public static BigInteger ToInteger(ReadOnlySpan<byte> bytes32) => new(1, bytes32);

    /// <summary>Writes <paramref name="value"/> (below 2^256) as 32 big-endian bytes.</summary>
    public static void WriteInteger(BigInteger value, Span<byte> destination32) =>
        BigIntegers.AsUnsignedByteArray(value, destination32[..32]);

    /// <summary>Whether a 32-byte big-endian value is a valid secret scalar, in [1, n-1].</summary>
    public static bool IsValidScalar(BigInteger value) => value.SignValue > 0 && value.CompareTo(N) < 0;

    /// <summary>Whether an affine (normalized) point has an even Y coordinate.</summary>
    public static bool HasEvenY(ECPoint normalized) => !normalized.AffineYCoord.TestBitZero();

    /// <summary>Converts a BouncyCastle field element to the allocation-free representation.</summary>
    public static FieldElement ToField(ECFieldElement element)
    {
        Span<byte> bytes = stackalloc byte[32];
        element.EncodeTo(bytes);
        FieldElement.TryRead(bytes, out var value);
        return value;
    }

    /// <summary>
    /// BIP340's <c>lift_x</c> on the allocation-free field: the even-Y <paramref name="y"/> for <paramref name="x32"/>,
    /// or false when x ≥ p or x^3 + 7 is not a square.
    /// </summary>
    public static bool TryLiftX(ReadOnlySpan<byte> x32, out FieldElement x, out FieldElement y)
    {
        y = default;
        if (!FieldElement.TryRead(x32, out x))
            return false;
        if (!(x.Square() * x + FieldElement.Seven).TrySqrt(out y))
            return false;
        if (y.IsOdd)
            y = y.Negate();
        return true;
    }

    /// <summary>
    /// BIP340's <c>lift_x</c>: the point with X coordinate <paramref name="x"/> and even Y, or false when
    /// <paramref name="x"/> ≥ p or <c>x^3 + 7</c> has no square root.
    /// </summary>
    public static bool TryLiftX(BigInteger x, out ECPoint point)
    {
        point = null!;
        if (x.SignValue < 0 || x.BitLength > 256)
            return false;
        Span<byte> bytes = stackalloc byte[32];
        WriteInteger(x, bytes);
        if (!TryLiftX(bytes, out _, out var y))
            return false;
        y.Write(bytes);
        point = Curve.CreatePoint(x, new BigInteger(1, bytes));
        return true;
    }

    /// <summary>
    /// Decodes a SEC1 point: 33-byte compressed (02/03) or 65-byte uncompressed (04). Hybrid (06/07)
    /// encodings, infinity and points off the curve are refused.
    /// </summary>
    public static bool TryDecodePoint(ReadOnlySpan<byte> encoded, out ECPoint point)
    {
        point = null!;
        if (encoded.Length == 33 && (encoded[0] == 0x02 || encoded[0] == 0x03))
        {
            if (!TryLiftX(ToInteger(encoded[1..]), out var even))
                return false;
            point = encoded[0] == 0x02 ? even : even.Negate().Normalize();
            return true;
        }
        if (encoded.Length == 65 && encoded[0] == 0x04)
        {
            BigInteger x = ToInteger(encoded.Slice(1, 32)), y = ToInteger(encoded.Slice(33, 32));
            if (x.CompareTo(P) >= 0 || y.CompareTo(P) >= 0)
                return false;
            ECFieldElement fx = Curve.FromBigInteger(x), fy = Curve.FromBigInteger(y);
            if (!fy.Square().Equals(fx.Square().Multiply(fx).Add(Seven)))
                return false;
            point = Curve.CreatePoint(x, y);
            return true;
        }
        return false;
    }
}
