using CryptographicException = System.Security.Cryptography.CryptographicException;
using CryptographicOperations = System.Security.Cryptography.CryptographicOperations;
using Antimony.Primitives.Hashing;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Antimony.Primitives.Keys;

/// <summary>
/// BIP340 Schnorr signing and verification, step for step as the specification's "Default Signing" and
/// "Verification" sections read.
/// </summary>
internal static class Bip340
{
    /// <summary>
    /// Signs <paramref name="message"/> with secret scalar <paramref name="secret"/> (d', already checked to be
    /// in [1, n-1]) whose x-only key is <paramref name="publicKey"/>, using 32 bytes of auxiliary data.
    /// </summary>
    public static SchnorrSignature Sign(BigInteger secret, XOnlyPublicKey publicKey, bool publicHasEvenY,
        ReadOnlySpan<byte> message, ReadOnlySpan<byte> auxRandom32)
    {
        if (auxRandom32.Length != 32)
            throw new ArgumentException("BIP340 auxiliary randomness is 32 bytes.", nameof(auxRandom32));
        BigInteger d = publicHasEvenY ? secret : Secp256k1.N.Subtract(secret);

        // t = bytes(d) xor hash_BIP0340/aux(a); rand = hash_BIP0340/nonce(t || bytes(P) || m).
        Span<byte> t = stackalloc byte[32];
        Secp256k1.WriteInteger(d, t);
        Hash256 auxHash = HashTag.Bip340Aux.Hash(auxRandom32);
        ReadOnlySpan<byte> aux = Hash256.AsBytes(in auxHash);
        for (int i = 0; i < 32; i++)
            t[i] ^= aux[i];
        Hash256 rand = HashTag.Bip340Nonce.Hash(t, publicKey.Bytes, message);
        CryptographicOperations.ZeroMemory(t);

        BigInteger k0 = Secp256k1.ToInteger(Hash256.AsBytes(in rand)).Mod(Secp256k1.N);
        if (k0.SignValue == 0)
            throw new CryptographicException("BIP340 nonce is zero (probability 2^-256).");
        ECPoint r = Secp256k1.MultiplyBase(k0);
        BigInteger k = Secp256k1.HasEvenY(r) ? k0 : Secp256k1.N.Subtract(k0);

        var signature = new byte[SchnorrSignature.Size];
        r.AffineXCoord.EncodeTo(signature.AsSpan(0, 32));
        BigInteger e = Challenge(signature.AsSpan(0, 32), publicKey.Bytes, message);
        Secp256k1.WriteInteger(k.Add(e.Multiply(d)).Mod(Secp256k1.N), signature.AsSpan(32));

        // BIP340 recommends verifying before release: a fault during signing must not leak the key.
        var result = SchnorrSignature.FromOwnedArray(signature);
        if (!Verify(publicKey, message, result))
            throw new CryptographicException("The BIP340 signature failed its own verification.");
        return result;
    }

    /// <summary>BIP340 <c>Verify(pk, m, sig)</c> for a key already lifted to its even-Y point.</summary>
    public static bool Verify(in XOnlyPublicKey publicKey, ReadOnlySpan<byte> message, in SchnorrSignature signature)
    {
        if (publicKey.IsDefault || signature.IsDefault)
            return false;
        if (!TryPrepare(publicKey, message, signature, out BigInteger r, out BigInteger s, out BigInteger e))
            return false;

        // R = s*G - e*P, as one interleaved multi-scalar multiplication with the GLV split.
        BigInteger minusE = e.SignValue == 0 ? e : Secp256k1.N.Subtract(e);
        ECPoint point = ECAlgorithms.SumOfTwoMultiplies(Secp256k1.G, s, publicKey.Point, minusE).Normalize();
        return !point.IsInfinity && Secp256k1.HasEvenY(point) && point.AffineXCoord.ToBigInteger().Equals(r);
    }

    /// <summary>
    /// The range checks and challenge shared by single and batch verification: false when <c>r ≥ p</c> or
    /// <c>s ≥ n</c>; otherwise r, s and <c>e = hash_BIP0340/challenge(r || P || m) mod n</c>.
    /// </summary>
    public static bool TryPrepare(in XOnlyPublicKey publicKey, ReadOnlySpan<byte> message, in SchnorrSignature signature,
        out BigInteger r, out BigInteger s, out BigInteger e)
    {
        r = Secp256k1.ToInteger(signature.R);
        s = Secp256k1.ToInteger(signature.S);
        e = BigInteger.Zero;
        if (r.CompareTo(Secp256k1.P) >= 0 || s.CompareTo(Secp256k1.N) >= 0)
            return false;
        e = Challenge(signature.R, publicKey.Bytes, message);
        return true;
    }

    private static BigInteger Challenge(ReadOnlySpan<byte> r, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message)
    {
        Hash256 hash = HashTag.Bip340Challenge.Hash(r, publicKey, message);
        return Secp256k1.ToInteger(Hash256.AsBytes(in hash)).Mod(Secp256k1.N);
    }
}
