using Antimony.Primitives.Keys;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Antimony.Wallet.Keys;

/// <summary>
/// The two secp256k1 operations BIP32 needs that the primitives do not expose: adding a tweak to a secret
/// (mod n) and adding tweak·G to a public point. Everything else goes through <see cref="PrivateKey"/>/<see cref="PublicKey"/>.
/// </summary>
internal static class CurveArithmetic
{
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");

    /// <summary>The group order n.</summary>
    public static BigInteger N => Curve.N;

    /// <summary>Whether the 32 big-endian bytes are a valid BIP32 tweak (parse256(I_L) &lt; n).</summary>
    public static bool IsBelowOrder(ReadOnlySpan<byte> value) => new BigInteger(1, value.ToArray()).CompareTo(Curve.N) < 0;

    /// <summary>(tweak + secret) mod n into <paramref name="result"/>; false when the result is zero (BIP32: skip the index).</summary>
    public static bool TryAddSecret(ReadOnlySpan<byte> tweak, PrivateKey secret, Span<byte> result)
    {
        Span<byte> secretBytes = stackalloc byte[PrivateKey.Size];
        secret.WriteSecret(secretBytes);
        var sum = new BigInteger(1, tweak.ToArray()).Add(new BigInteger(1, secretBytes.ToArray())).Mod(Curve.N);
        secretBytes.Clear();
        if (sum.SignValue == 0)
            return false;
        result.Clear();
        byte[] bytes = sum.ToByteArrayUnsigned();
        bytes.CopyTo(result[(PrivateKey.Size - bytes.Length)..]);
        return true;
    }

    /// <summary>tweak·G + <paramref name="point"/>; false when the result is the point at infinity (BIP32: skip the index).</summary>
    public static bool TryAddPoint(ReadOnlySpan<byte> tweak, PublicKey point, out PublicKey result)
    {
        result = default;
        ECPoint parent = Curve.Curve.DecodePoint(point.Bytes.ToArray());
        ECPoint sum = Curve.G.Multiply(new BigInteger(1, tweak.ToArray())).Add(parent).Normalize();
        if (sum.IsInfinity)
            return false;
        return PublicKey.TryParse(sum.GetEncoded(true), out result);
    }
}
