using System.Diagnostics.CodeAnalysis;
using CryptographicException = System.Security.Cryptography.CryptographicException;
using RandomNumberGenerator = System.Security.Cryptography.RandomNumberGenerator;
using CryptographicOperations = System.Security.Cryptography.CryptographicOperations;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Serialization;
using Org.BouncyCastle.Math;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace Antimony.Primitives.Keys;

/// <summary>
/// A secp256k1 secret key: a scalar in [1, n-1]. Signs with BIP340 Schnorr and with ECDSA, derives its
/// public keys, and applies BIP341's key-path tweak.
/// </summary>
/// <remarks>
/// A class rather than a struct so the secret is not copied around with every assignment. It never
/// appears in <see cref="ToString"/>; <see cref="WriteSecret"/> is the one deliberate way out.
/// </remarks>
public sealed class PrivateKey
{
    /// <summary>The encoded length in bytes.</summary>
    public const int Size = 32;

    private readonly BigInteger _secret;
    private readonly ECPoint _point; // d*G, affine
    private PublicKey? _publicKey;
    private XOnlyPublicKey? _xOnly;

    private PrivateKey(BigInteger secret)
    {
        _secret = secret;
        _point = Secp256k1.MultiplyBase(secret);
    }

    /// <summary>Reads a key from 32 big-endian bytes.</summary>
    /// <exception cref="DecodeException">Not 32 bytes, or the value is 0 or ≥ n.</exception>
    public static PrivateKey Create(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new DecodeException(bytes.Length < Size ? DecodeError.Truncated : DecodeError.TrailingData,
                Math.Min(bytes.Length, Size), $"A private key is {Size} bytes; got {bytes.Length}.");
        return TryCreate(bytes, out var key)
            ? key
            : throw new DecodeException(DecodeError.InvalidValue, 0, "A private key must be in [1, n-1].");
    }

    /// <summary>Reads a key; false when the input is not 32 bytes or not in [1, n-1].</summary>
    public static bool TryCreate(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out PrivateKey? key)
    {
        key = null;
        if (bytes.Length != Size)
            return false;
        BigInteger secret = Secp256k1.ToInteger(bytes);
        if (!Secp256k1.IsValidScalar(secret))
            return false;
        key = new PrivateKey(secret);
        return true;
    }

    /// <summary>A fresh key from the operating system's CSPRNG (rejection sampling, so uniform in [1, n-1]).</summary>
    public static PrivateKey Generate()
    {
        Span<byte> bytes = stackalloc byte[Size];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(bytes);
                if (TryCreate(bytes, out var key))
                    return key;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The compressed public key <c>d*G</c>.</summary>
    public PublicKey PublicKey => _publicKey ??= new PublicKey(_point);

    /// <summary>The BIP340 public key: <c>d*G</c>'s X coordinate.</summary>
    public XOnlyPublicKey XOnlyPublicKey => _xOnly ??= XOnlyPublicKey.FromPoint(_point);

    /// <summary>Writes the 32 secret bytes; the caller owns (and should wipe) them.</summary>
    public void WriteSecret(Span<byte> destination)
    {
        if (destination.Length < Size)
            throw new ArgumentException($"Destination needs {Size} bytes.", nameof(destination));
        Secp256k1.WriteInteger(_secret, destination);
    }

    /// <summary>BIP340 signature with fresh 32-byte auxiliary randomness from the CSPRNG (recommended by BIP340).</summary>
    public SchnorrSignature SignSchnorr(in Hash256 message)
    {
        Span<byte> aux = stackalloc byte[32];
        RandomNumberGenerator.Fill(aux);
        return SignSchnorr(Hash256.AsBytes(in message), aux);
    }

    /// <summary>
    /// BIP340 signature with the given 32 bytes of auxiliary data: deterministic for equal inputs.
    /// The message may be any length (Antimony's signature hashes are 32 bytes).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="auxRandom32"/> is not 32 bytes.</exception>
    public SchnorrSignature SignSchnorr(ReadOnlySpan<byte> message, ReadOnlySpan<byte> auxRandom32) =>
        Bip340.Sign(_secret, XOnlyPublicKey, Secp256k1.HasEvenY(_point), message, auxRandom32);

    /// <summary>ECDSA signature of a 32-byte hash: RFC6979 nonce, low S.</summary>
    public EcdsaSignature SignEcdsa(in Hash256 hash) => Ecdsa.Sign(_secret, Hash256.AsBytes(in hash));

    /// <summary>
    /// BIP341's <c>taproot_tweak_seckey</c>: the key that signs for the output key
    /// <c>XOnlyPublicKey.Tweak(merkleRoot)</c>. The secret is negated first when <c>d*G</c> has odd Y,
    /// because the x-only internal key stands for the even-Y point.
    /// </summary>
    /// <exception cref="CryptographicException">The tweak is ≥ n or the result is zero (negligible probability).</exception>
    public PrivateKey TweakForTaproot(Hash256? merkleRoot) =>
        TryTweakForTaproot(merkleRoot, out var tweaked) ? tweaked : throw new CryptographicException("The taproot tweak is out of range.");

    /// <summary>As <see cref="TweakForTaproot"/>; false in the negligible case that the tweak is invalid.</summary>
    public bool TryTweakForTaproot(Hash256? merkleRoot, [NotNullWhen(true)] out PrivateKey? tweaked)
    {
        tweaked = null;
        BigInteger secret = Secp256k1.HasEvenY(_point) ? _secret : Secp256k1.N.Subtract(_secret);
        if (!TaprootTweak.TryCompute(XOnlyPublicKey, merkleRoot, out var t))
            return false;
        BigInteger result = secret.Add(t).Mod(Secp256k1.N);
        if (result.SignValue == 0)
            return false;
        tweaked = new PrivateKey(result);
        return true;
    }

    /// <summary>Names the public key only; the secret never appears in logs.</summary>
    public override string ToString() => $"PrivateKey(public {PublicKey})";
}
