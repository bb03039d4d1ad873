using System.Buffers.Binary;
using Antimony.Primitives.Hashing;
using Antimony.Primitives.Keys;

namespace Antimony.Wallet.Keys;

/// <summary>BIP32 fingerprints: the first 32 bits of a key's identifier HASH160(compressed key).</summary>
internal static class Fingerprints
{
    public static uint Of(PublicKey key)
    {
        Span<byte> hash = stackalloc byte[Hash160.Size];
        key.ToHash160().CopyTo(hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }
}
