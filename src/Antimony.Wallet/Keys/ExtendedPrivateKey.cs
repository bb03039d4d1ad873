using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Antimony.Primitives.Keys;
using Antimony.Primitives.Serialization;

namespace Antimony.Wallet.Keys;

/// <summary>
/// A BIP32 extended private key: a secret key plus chain code, from which hardened and non-hardened children
/// are derived (CKDpriv). A wallet keeps the master (from a BIP39 seed) and derives account keys from it.
/// </summary>
/// <example>
/// <code>
/// var master = ExtendedPrivateKey.FromSeed(Mnemonic.Parse(phrase).ToSeed());
/// var key = master.Derive(KeyPath.Parse("m/86'/1'/0'/0/0")).Key;
/// </code>
/// </example>
public sealed class ExtendedPrivateKey
{
    private static readonly byte[] MasterHmacKey = Encoding.ASCII.GetBytes("Bitcoin seed");
    private readonly byte[] _chainCode;

    private ExtendedPrivateKey(PrivateKey key, ReadOnlySpan<byte> chainCode, byte depth, uint parentFingerprint, uint childNumber)
    {
        Key = key;
        _chainCode = chainCode.ToArray();
        Depth = depth;
        ParentFingerprint = parentFingerprint;
        ChildNumber = childNumber;
    }

    /// <summary>The secret key.</summary>
    public PrivateKey Key { get; }

    /// <summary>The 32-byte chain code.</summary>
    public ReadOnlySpan<byte> ChainCode => _chainCode;

    /// <summary>Derivations from the master (0 for the master).</summary>
    public byte Depth { get; }

    /// <summary>The parent key's <see cref="Fingerprint"/> (0 for the master).</summary>
    public uint ParentFingerprint { get; }

    /// <summary>The index this key was derived with (0 for the master).</summary>
    public uint ChildNumber { get; }

    /// <summary>BIP32's key identifier's first 4 bytes: HASH160 of the compressed public key, big-endian.</summary>
    public uint Fingerprint => Fingerprints.Of(Key.PublicKey);

    /// <summary>The matching extended public key (BIP32's N()).</summary>
    public ExtendedPublicKey ExtendedPublicKey => new(Key.PublicKey, _chainCode, Depth, ParentFingerprint, ChildNumber);

    /// <summary>BIP32 master key generation: HMAC-SHA512("Bitcoin seed", seed) split into key and chain code.</summary>
    /// <exception cref="ArgumentException">The seed is not 16 to 64 bytes.</exception>
    /// <exception cref="CryptographicException">The seed gives an invalid key (probability below 2^-127; BIP32 says pick another seed).</exception>
    public static ExtendedPrivateKey FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length is < 16 or > 64)
            throw new ArgumentException($"A BIP32 seed is 16 to 64 bytes; got {seed.Length}.", nameof(seed));
        Span<byte> i = stackalloc byte[64];
        HMACSHA512.HashData(MasterHmacKey, seed, i);
        try
        {
            if (!PrivateKey.TryCreate(i[..32], out var key))
                throw new CryptographicException("The seed gives an invalid master key; use another seed.");
            return new ExtendedPrivateKey(key, i[32..], 0, 0, 0);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(i);
        }
    }

    /// <summary>CKDpriv: child <paramref name="index"/> (hardened when the top bit is set, see <see cref="KeyPath.Harden"/>).</summary>
    /// <exception cref="CryptographicException">The index gives an invalid key (probability below 2^-127; BIP32 says use the next index).</exception>
    public ExtendedPrivateKey Derive(uint index)
    {
        Span<byte> data = stackalloc byte[PublicKey.Size + 4];
        if (KeyPath.IsHardened(index))
        {
            // Hardened: HMAC over 0x00 || ser256(k), so the child cannot be linked to the parent's public key.
            data[0] = 0;
            Key.WriteSecret(data[1..]);
        }
        else
        {
            Key.PublicKey.Bytes.CopyTo(data);
        }
        BinaryPrimitives.WriteUInt32BigEndian(data[PublicKey.Size..], index);
        Span<byte> i = stackalloc byte[64];
        Span<byte> childSecret = stackalloc byte[PrivateKey.Size];
        try
        {
            HMACSHA512.HashData(_chainCode, data, i);
            if (!CurveArithmetic.IsBelowOrder(i[..32]) || !CurveArithmetic.TryAddSecret(i[..32], Key, childSecret))
                throw new CryptographicException($"Index {index} gives an invalid child key; use the next index.");
            return new ExtendedPrivateKey(PrivateKey.Create(childSecret), i[32..], checked((byte)(Depth + 1)), Fingerprint, index);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(data);
            CryptographicOperations.ZeroMemory(i);
            CryptographicOperations.ZeroMemory(childSecret);
        }
    }

    /// <summary>Derives every index of <paramref name="path"/> in turn, relative to this key.</summary>
    public ExtendedPrivateKey Derive(KeyPath path)
    {
        var key = this;
        foreach (uint index in path.Indexes)
            key = key.Derive(index);
        return key;
    }

    /// <summary>The Base58Check string with <paramref name="versions"/>' private version (xprv... for <see cref="ExtendedKeyVersions.Main"/>).</summary>
    public string ToBase58(ExtendedKeyVersions versions)
    {
        Span<byte> keyData = stackalloc byte[PublicKey.Size];
        keyData[0] = 0;
        Key.WriteSecret(keyData[1..]);
        try
        {
            return ExtendedKeyEncoding.Encode(versions.Private, Depth, ParentFingerprint, ChildNumber, _chainCode, keyData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keyData);
        }
    }

    /// <summary>Reads an xprv/tprv string.</summary>
    /// <exception cref="DecodeException">Bad Base58 or checksum, wrong length, unknown or public version, inconsistent depth, or a secret not in [1, n-1].</exception>
    public static ExtendedPrivateKey Parse(string text)
    {
        var (version, depth, parent, child, chainCode, keyData) = ExtendedKeyEncoding.Decode(text);
        try
        {
            if (!ExtendedKeyVersions.IsPrivate(version))
                throw new DecodeException(DecodeError.InvalidValue, 0, "This is an extended public key, not a private one.");
            if (keyData[0] != 0)
                throw new DecodeException(DecodeError.InvalidValue, 45, "An extended private key's data starts with 0x00.");
            if (!PrivateKey.TryCreate(keyData.AsSpan(1), out var key))
                throw new DecodeException(DecodeError.InvalidValue, 46, "The extended private key's secret is not in [1, n-1].");
            return new ExtendedPrivateKey(key, chainCode, depth, parent, child);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keyData);
        }
    }

    /// <summary>Reads an xprv/tprv string; false for anything <see cref="Parse"/> refuses.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ExtendedPrivateKey? key)
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

    /// <summary>Names the fingerprint and depth only; the secret never appears in logs.</summary>
    public override string ToString() => $"ExtendedPrivateKey(fingerprint {Fingerprint:x8}, depth {Depth})";
}
