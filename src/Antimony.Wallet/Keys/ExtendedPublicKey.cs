using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Serialization;

namespace Antimony.Wallet.Keys;

/// <summary>
/// A BIP32 extended public key: a public key plus chain code, from which non-hardened children's public keys
/// are derived (CKDpub) without any secret — what a watch-only wallet holds.
/// </summary>
public sealed class ExtendedPublicKey : IEquatable<ExtendedPublicKey>
{
    private readonly byte[] _chainCode;

    internal ExtendedPublicKey(PublicKey key, ReadOnlySpan<byte> chainCode, byte depth, uint parentFingerprint, uint childNumber)
    {
        Key = key;
        _chainCode = chainCode.ToArray();
        Depth = depth;
        ParentFingerprint = parentFingerprint;
        ChildNumber = childNumber;
    }

    /// <summary>The public key.</summary>
    public PublicKey Key { get; }

    /// <summary>The 32-byte chain code.</summary>
    public ReadOnlySpan<byte> ChainCode => _chainCode;

    /// <summary>Derivations from the master (0 for the master).</summary>
    public byte Depth { get; }

    /// <summary>The parent key's <see cref="Fingerprint"/> (0 for the master).</summary>
    public uint ParentFingerprint { get; }

    /// <summary>The index this key was derived with (0 for the master).</summary>
    public uint ChildNumber { get; }

    /// <summary>BIP32's key identifier's first 4 bytes: HASH160 of the compressed key, big-endian.</summary>
    public uint Fingerprint => Fingerprints.Of(Key);

    /// <summary>CKDpub: the non-hardened child <paramref name="index"/>.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="index"/> is hardened (needs the private key).</exception>
    /// <exception cref="CryptographicException">The index gives an invalid key (probability below 2^-127; BIP32 says use the next index).</exception>
    public ExtendedPublicKey Derive(uint index)
    {
        if (KeyPath.IsHardened(index))
            throw new InvalidOperationException($"Hardened index {index & ~KeyPath.HardenedBit}' cannot be derived from a public key.");
        Span<byte> data = stackalloc byte[PublicKey.Size + 4];
        Key.Bytes.CopyTo(data);
        BinaryPrimitives.WriteUInt32BigEndian(data[PublicKey.Size..], index);
        Span<byte> i = stackalloc byte[64];
        HMACSHA512.HashData(_chainCode, data, i);
        if (!CurveArithmetic.IsBelowOrder(i[..32]) || !CurveArithmetic.TryAddPoint(i[..32], Key, out var child))
            throw new CryptographicException($"Index {index} gives an invalid child key; use the next index.");
        return new ExtendedPublicKey(child, i[32..], checked((byte)(Depth + 1)), Fingerprint, index);
    }

    /// <summary>Derives every index of <paramref name="path"/> in turn (all must be non-hardened).</summary>
    public ExtendedPublicKey Derive(KeyPath path)
    {
        var key = this;
        foreach (uint index in path.Indexes)
            key = key.Derive(index);
        return key;
    }

    /// <summary>The Base58Check string with <paramref name="versions"/>' public version (xpub... for <see cref="ExtendedKeyVersions.Main"/>).</summary>
    public string ToBase58(ExtendedKeyVersions versions) =>
        ExtendedKeyEncoding.Encode(versions.Public, Depth, ParentFingerprint, ChildNumber, _chainCode, Key.Bytes);

    /// <summary>Reads an xpub/tpub string.</summary>
    /// <exception cref="DecodeException">Bad Base58 or checksum, wrong length, unknown or private version, inconsistent depth, or a key not on the curve.</exception>
    public static ExtendedPublicKey Parse(string text)
    {
        var (version, depth, parent, child, chainCode, keyData) = ExtendedKeyEncoding.Decode(text);
        if (ExtendedKeyVersions.IsPrivate(version))
            throw new DecodeException(DecodeError.InvalidValue, 0, "This is an extended private key, not a public one.");
        if (keyData[0] is not (0x02 or 0x03) || !PublicKey.TryParse(keyData, out var key))
            throw new DecodeException(DecodeError.InvalidValue, 45, "The extended public key's key is not a compressed point on secp256k1.");
        return new ExtendedPublicKey(key, chainCode, depth, parent, child);
    }

    /// <summary>Reads an xpub/tpub string; false for anything <see cref="Parse"/> refuses.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ExtendedPublicKey? key)
    {
        key = null;
        if (text is null)
            return false;
        try
        {
            key = Parse(text);
            return true;
        }
        catch (DecodeException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public bool Equals(ExtendedPublicKey? other) =>
        other is not null && Key == other.Key && ChainCode.SequenceEqual(other.ChainCode) && Depth == other.Depth
        && ParentFingerprint == other.ParentFingerprint && ChildNumber == other.ChildNumber;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExtendedPublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, ChildNumber, Depth);

    /// <summary>The main-network xpub string.</summary>
    public override string ToString() => ToBase58(ExtendedKeyVersions.Main);
}
