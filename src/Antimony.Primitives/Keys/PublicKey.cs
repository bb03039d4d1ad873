using System.Diagnostics.CodeAnalysis;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Serialization;
using Org.BouncyCastle.Math.EC;

namespace Antimony.Primitives.Keys;

/// <summary>
/// A secp256k1 public key, written as 33-byte compressed SEC1 (<c>02|03 || X</c>): the key a P2WPKH
/// witness carries and whose HASH160 the output commits to.
/// </summary>
public readonly struct PublicKey : IEquatable<PublicKey>
{
    /// <summary>The compressed encoding's length in bytes.</summary>
    public const int Size = 33;

    /// <summary>The uncompressed encoding's length in bytes (accepted by <see cref="Parse"/>, never produced).</summary>
    public const int UncompressedSize = 65;

    private readonly byte[]? _compressed;
    private readonly ECPoint? _point;

    internal PublicKey(ECPoint normalized)
    {
        _point = normalized;
        _compressed = normalized.GetEncoded(true);
    }

    /// <summary>The 33-byte compressed encoding; empty for <c>default</c>.</summary>
    public ReadOnlySpan<byte> Bytes => _compressed;

    /// <summary>Whether this is <c>default</c> (holds no key).</summary>
    public bool IsDefault => _compressed is null;

    /// <summary>Whether the point's Y coordinate is odd (prefix byte 03).</summary>
    public bool HasOddY => !IsDefault && _compressed![0] == 0x03;

    /// <summary>The affine point.</summary>
    internal ECPoint Point => _point ?? throw new InvalidOperationException("The key is default (uninitialised).");

    /// <summary>The BIP340 x-only form of this key (the prefix byte dropped, per BIP340 "Public Key Conversion").</summary>
    public XOnlyPublicKey XOnly => XOnlyPublicKey.FromPoint(Point);

    /// <summary>The 65-byte uncompressed encoding (<c>04 || X || Y</c>).</summary>
    public byte[] ToUncompressed() => Point.GetEncoded(false);

    /// <summary>HASH160 of the compressed encoding: the P2WPKH witness program.</summary>
    public Hash160 ToHash160() => Hash160.Compute(Bytes);

    /// <summary>Reads a SEC1 key: 33-byte compressed, or 65-byte uncompressed (converted; never produced).</summary>
    /// <exception cref="DecodeException">Wrong length or prefix, a coordinate ≥ p, or a point not on the curve.</exception>
    public static PublicKey Parse(ReadOnlySpan<byte> bytes) =>
        TryParse(bytes, out var key)
            ? key
            : throw new DecodeException(bytes.Length < Size ? DecodeError.Truncated : DecodeError.InvalidValue,
                0, "Not a valid SEC1 secp256k1 public key (33-byte compressed or 65-byte uncompressed, on the curve).");

    /// <summary>Reads a SEC1 key; false for anything <see cref="Parse"/> rejects.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out PublicKey key)
    {
        key = default;
        if (!Secp256k1.TryDecodePoint(bytes, out var point))
            return false;
        key = new PublicKey(point);
        return true;
    }

    /// <summary>Verifies a low-S ECDSA signature over a 32-byte hash (a high-S signature fails, per Antimony's rules).</summary>
    public bool Verify(in Hash256 hash, in EcdsaSignature signature) => !IsDefault && Ecdsa.Verify(Point, Hash256.AsBytes(in hash), signature);

    /// <summary>As <see cref="Verify(in Hash256, in EcdsaSignature)"/> for a hash given as 32 bytes; false for any other length.</summary>
    public bool Verify(ReadOnlySpan<byte> hash32, in EcdsaSignature signature) => !IsDefault && Ecdsa.Verify(Point, hash32, signature);

    /// <inheritdoc />
    public bool Equals(PublicKey other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is PublicKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Lowercase hex of the compressed encoding.</summary>
    public override string ToString() => Convert.ToHexStringLower(Bytes);

    /// <summary>Whether two keys are equal.</summary>
    public static bool operator ==(PublicKey left, PublicKey right) => left.Equals(right);

    /// <summary>Whether two keys differ.</summary>
    public static bool operator !=(PublicKey left, PublicKey right) => !left.Equals(right);
}
