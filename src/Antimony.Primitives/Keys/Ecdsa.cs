using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Antimony.Primitives.Keys;

/// <summary>ECDSA over secp256k1 as Bitcoin uses it: RFC6979 nonces, low-S output, low-S required on input.</summary>
internal static class Ecdsa
{
    /// <summary>
    /// Signs a 32-byte hash with the RFC6979 (HMAC-SHA256) deterministic nonce and normalises s to low S,
    /// which gives the same signature as libsecp256k1 (and Bitcoin Core without low-R grinding).
    /// </summary>
    public static EcdsaSignature Sign(BigInteger secret, ReadOnlySpan<byte> hash32)
    {
        if (hash32.Length != 32)
            throw new ArgumentException("ECDSA signs a 32-byte hash.", nameof(hash32));
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(secret, Secp256k1.Domain));
        BigInteger[] rs = signer.GenerateSignature(hash32.ToArray());
        return new EcdsaSignature(rs[0], rs[1]).NormalizeS();
    }

    /// <summary>
    /// Verifies with Antimony's rule that s must be low (a high-S signature is invalid even though plain
    /// ECDSA would accept it; this removes the third-party malleability BIP62 describes).
    /// </summary>
    public static bool Verify(ECPoint publicPoint, ReadOnlySpan<byte> hash32, in EcdsaSignature signature)
    {
        if (signature.IsDefault || hash32.Length != 32 || !signature.IsLowS)
            return false;
        BigInteger n = Secp256k1.N, r = signature.R;
        // e = int(hash) mod n, as libsecp256k1 reduces the message scalar.
        BigInteger e = Secp256k1.ToInteger(hash32).Mod(n);
        BigInteger w = signature.S.ModInverse(n);
        BigInteger u1 = e.Multiply(w).Mod(n), u2 = r.Multiply(w).Mod(n);
        ECPoint point = ECAlgorithms.SumOfTwoMultiplies(Secp256k1.G, u1, publicPoint, u2);
        if (point.IsInfinity)
            return false;
        // x(R) mod n == r without the inversion to affine: X == x * Z^2 for the candidates x = r and,
        // when it is below p, x = r + n (x(R) is in [0, p) and p < 2n, so these are the only two).
        ECFieldElement z2 = point.GetZCoord(0).Square();
        if (point.XCoord.Equals(Secp256k1.Curve.FromBigInteger(r).Multiply(z2)))
            return true;
        BigInteger rPlusN = r.Add(n);
        return rPlusN.CompareTo(Secp256k1.P) < 0 && point.XCoord.Equals(Secp256k1.Curve.FromBigInteger(rPlusN).Multiply(z2));
    }
}
