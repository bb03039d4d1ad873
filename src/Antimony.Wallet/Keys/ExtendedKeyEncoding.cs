using System.Buffers.Binary;
using Antimony.Primitives.Serialization;

namespace Antimony.Wallet.Keys;

/// <summary>
/// BIP32's 78-byte serialisation shared by both key kinds: version (4), depth (1), parent fingerprint (4),
/// child number (4), chain code (32), key data (33: 0x00 + secret, or a compressed public key).
/// </summary>
internal static class ExtendedKeyEncoding
{
    public const int Size = 78;

    public static string Encode(uint version, byte depth, uint parentFingerprint, uint childNumber, ReadOnlySpan<byte> chainCode, ReadOnlySpan<byte> keyData)
    {
        Span<byte> data = stackalloc byte[Size];
        BinaryPrimitives.WriteUInt32BigEndian(data, version);
        data[4] = depth;
        BinaryPrimitives.WriteUInt32BigEndian(data[5..], parentFingerprint);
        BinaryPrimitives.WriteUInt32BigEndian(data[9..], childNumber);
        chainCode.CopyTo(data[13..]);
        keyData.CopyTo(data[45..]);
        string text = Base58Check.Encode(data);
        data.Clear();
        return text;
    }

    /// <summary>Decodes and checks everything but the key data itself; throws <see cref="DecodeException"/>.</summary>
    public static (uint Version, byte Depth, uint ParentFingerprint, uint ChildNumber, byte[] ChainCode, byte[] KeyData) Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] data = Base58Check.TryDecode(text, out bool badChecksum)
            ?? throw new DecodeException(DecodeError.InvalidValue, 0, badChecksum ? "The extended key's checksum does not match." : "The extended key is not Base58.");
        if (data.Length != Size)
            throw new DecodeException(data.Length < Size ? DecodeError.Truncated : DecodeError.TrailingData, Math.Min(data.Length, Size),
                $"An extended key is {Size} bytes; got {data.Length}.");
        uint version = BinaryPrimitives.ReadUInt32BigEndian(data);
        if (!ExtendedKeyVersions.IsKnown(version))
            throw new DecodeException(DecodeError.InvalidValue, 0, $"Unknown extended key version 0x{version:x8}.");
        byte depth = data[4];
        uint parent = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(5));
        uint child = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(9));
        // BIP32 test vector 5: a master key (depth 0) has no parent and is no one's child.
        if (depth == 0 && parent != 0)
            throw new DecodeException(DecodeError.InvalidValue, 5, "A depth-0 key has a non-zero parent fingerprint.");
        if (depth == 0 && child != 0)
            throw new DecodeException(DecodeError.InvalidValue, 9, "A depth-0 key has a non-zero child number.");
        return (version, depth, parent, child, data[13..45], data[45..78]);
    }
}
