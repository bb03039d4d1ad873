using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Serialization;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace Antimony.Primitives.Keys;

/// <summary>
/// A BIP340 public key: the 32-byte X coordinate of a curve point whose Y coordinate is implicitly even.
/// The key of a P2TR output and of every Schnorr signature check.
/// </summary>
/// <remarks>
/// Parsing runs BIP340's <c>lift_x</c>, so a value holds a point known to be on the curve and verification
/// does not repeat the square root.
/// </remarks>
public readonly struct XOnlyPublicKey : IEquatable<XOnlyPublicKey>
{
    /// <summary>The encoded length in bytes.</summary>
    public const int Size = 32;

    private readonly byte[]? _x;
    private readonly ECPoint? _point;

    internal XOnlyPublicKey(byte[] x, ECPoint evenYPoint)
    {
        _x = x;
        _point = evenYPoint;
    }

    /// <summary>The 32 bytes of the X coordinate (big-endian); empty for <c>default</c>.</summary>
    public ReadOnlySpan<byte> Bytes => _x;

    /// <summary>Whether this is <c>default</c> (holds no key).</summary>
    public bool IsDefault => _x is null;

    /// <summary>The affine point with even Y.</summary>
    internal ECPoint Point => _point ?? throw new InvalidOperationException("The key is default (uninitialised).");

    /// <summary>Reads a key from 32 bytes.</summary>
    /// <exception cref="DecodeException">Not 32 bytes, or no curve point has this X coordinate (BIP340 <c>lift_x</c> fails).</exception>
    public static XOnlyPublicKey Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new DecodeException(bytes.Length < Size ? DecodeError.Truncated : DecodeError.TrailingData,
                Math.Min(bytes.Length, Size), $"An x-only public key is {Size} bytes; got {bytes.Length}.");
        return TryParse(bytes, out var key)
            ? key
            : throw new DecodeException(DecodeError.InvalidValue, 0, "The X coordinate is not on secp256k1.");
    }

    /// <summary>Reads a key; false when the input is not 32 bytes or not the X coordinate of a curve point.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out XOnlyPublicKey key)
    {
        key = default;
        if (bytes.Length != Size || !Secp256k1.TryLiftX(Secp256k1.ToInteger(bytes), out var point))
            return false;
        key = new XOnlyPublicKey(bytes.ToArray(), point);
        return true;
    }

    /// <summary>The x-only key of a full point (its Y parity is dropped, per BIP340).</summary>
    internal static XOnlyPublicKey FromPoint(ECPoint normalized)
    {
        var x = normalized.AffineXCoord.GetEncoded();
        return new XOnlyPublicKey(x, Secp256k1.HasEvenY(normalized) ? normalized : normalized.Negate().Normalize());
    }

    /// <summary>Verifies a BIP340 signature over <paramref name="message"/> (any length; 32 bytes in Antimony's consensus).</summary>
    public bool Verify(ReadOnlySpan<byte> message, in SchnorrSignature signature) => Bip340.Verify(this, message, signature);

    /// <summary>Verifies a BIP340 signature over a 32-byte message such as a BIP341 signature hash.</summary>
    public bool Verify(in Hash256 message, in SchnorrSignature signature) => Bip340.Verify(this, Hash256.AsBytes(in message), signature);

    /// <summary>
    /// BIP341's <c>taproot_tweak_pubkey</c>: the output key <c>Q = P + t*G</c> with
    /// <c>t = hash_TapTweak(P || merkleRoot)</c> (just <c>P</c> when there is no script tree), and Q's Y parity.
    /// </summary>
    /// <exception cref="CryptographicException">t ≥ n or Q is infinity (probability about 2^-128; no known preimage).</exception>
    public TaprootOutputKey Tweak(Hash256? merkleRoot) =>
        TryTweak(merkleRoot, out var output) ? output : throw new CryptographicException("The taproot tweak is out of range.");

    /// <summary>As <see cref="Tweak"/>; false in the negligible case that the tweak is invalid.</summary>
    public bool TryTweak(Hash256? merkleRoot, out TaprootOutputKey output)
    {
        output = default;
        if (!TaprootTweak.TryCompute(this, merkleRoot, out var t))
            return false;
        ECPoint q = Point.Add(Secp256k1.MultiplyBase(t)).Normalize();
        if (q.IsInfinity)
            return false;
        output = new TaprootOutputKey(FromPoint(q), !Secp256k1.HasEvenY(q));
        return true;
    }

    /// <inheritdoc />
    public bool Equals(XOnlyPublicKey other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is XOnlyPublicKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Lowercase hex of the 32 bytes.</summary>
    public override string ToString() => Convert.ToHexStringLower(Bytes);

    /// <summary>Whether two keys are equal.</summary>
    public static bool operator ==(XOnlyPublicKey left, XOnlyPublicKey right) => left.Equals(right);

    /// <summary>Whether two keys differ.</summary>
    public static bool operator !=(XOnlyPublicKey left, XOnlyPublicKey right) => !left.Equals(right);
}
